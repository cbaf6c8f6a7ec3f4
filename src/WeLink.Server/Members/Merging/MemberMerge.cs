namespace WeLink.Server.Members.Merging;

/// <summary>One <c>member_merges</c> row as admins read it.</summary>
public sealed class MemberMerge
{
    public Guid Id { get; init; }

    public Guid KeptMemberId { get; init; }

    public Guid MergedMemberId { get; init; }

    /// <summary>unionid, phone or staff: what proved the two records one person.</summary>
    public required string Reason { get; init; }

    public required string Actor { get; init; }

    public DateTimeOffset MergedAt { get; init; }

    public DateTimeOffset? UndoneAt { get; init; }

    public string? UndoneBy { get; init; }
}

/// <summary>Why two records were found to be one person.</summary>
public static class MergeReasons
{
    public const string UnionId = "unionid";
    public const string Phone = "phone";
}

/// <summary>What an admin's undo of a merge came to.</summary>
public enum MergeUndoOutcome
{
    Undone,
    NotFound,
    AlreadyUndone,

    /// <summary>One of the two records moved on since (merged again or deleted): undoing this merge alone would lose track of rows.</summary>
    RecordsMovedOn,
}
