namespace WeLink.Wechat.Messages;

/// <summary>The member fields of a change_contact *_user instruction; absent fields are null.</summary>
public sealed record ContactMemberChange
{
    public required string UserId { get; init; }

    public string? OpenUserId { get; init; }

    /// <summary>Set when update_user renamed the userid.</summary>
    public string? NewUserId { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string> Departments { get; init; } = [];

    public string? MainDepartment { get; init; }

    public string? Position { get; init; }

    public string? Mobile { get; init; }

    public string? Email { get; init; }

    public string? Gender { get; init; }

    public string? Status { get; init; }

    public string? Alias { get; init; }
}
