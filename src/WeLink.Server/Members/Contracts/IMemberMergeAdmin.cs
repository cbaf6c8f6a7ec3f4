namespace WeLink.Server.Members.Contracts;

/// <summary>The merges of a member as HQ sees them in the portal, and HQ's undo of one.</summary>
public interface IMemberMergeAdmin
{
    /// <summary>The merges the member took part in, kept or merged, newest first; empty for another brand's member.</summary>
    Task<IReadOnlyList<MemberMergeEntry>> OfMemberAsync(Guid brandId, Guid memberId, CancellationToken cancellationToken);

    /// <summary>Moves back what the merge moved; <paramref name="actor"/> names the admin (<c>admin:&lt;id&gt;</c>).</summary>
    Task<MergeUndoResult> UndoAsync(Guid brandId, Guid mergeId, string actor, CancellationToken cancellationToken);
}

/// <summary>One merge: the record kept and the one merged into it, what proved them one person (and its Chinese label), when, and when undone.</summary>
public sealed record MemberMergeEntry(
    Guid Id, Guid KeptMemberId, Guid MergedMemberId, string Reason, string ReasonLabel, DateTimeOffset MergedAt, DateTimeOffset? UndoneAt);

public enum MergeUndoResult
{
    Undone,
    NotFound,
    AlreadyUndone,

    /// <summary>One of the two records moved on since (merged again or deleted): undoing this merge alone would lose track of rows.</summary>
    RecordsMovedOn,
}
