namespace WeLink.Wechat.Messages;

/// <summary>The fields of a change_contact update_tag instruction; the lists hold userids or department ids.</summary>
public sealed record ContactTagChange(
    string TagId,
    IReadOnlyList<string> AddUserItems,
    IReadOnlyList<string> DelUserItems,
    IReadOnlyList<string> AddPartyItems,
    IReadOnlyList<string> DelPartyItems);
