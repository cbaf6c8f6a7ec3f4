namespace WeLink.Wechat.Messages;

/// <summary>The department fields of a change_contact *_party instruction.</summary>
public sealed record ContactDepartmentChange(string Id, string? Name, string? ParentId, string? Order);
