namespace WeLink.Server.Members;

/// <summary>The <c>members.status</c> values.</summary>
public static class MemberStatus
{
    /// <summary>Seen in a channel, not joined: no number, no card.</summary>
    public const string Known = "known";

    /// <summary>Joined: a member number, a tier and a card.</summary>
    public const string Member = "member";

    /// <summary>Part of another record now (<c>merged_into</c>); an admin may undo it.</summary>
    public const string Merged = "merged";

    /// <summary>Asked to be deleted: the erasure is under way, and finished by <c>ResumeDeletionsJob</c> if a crash stopped it.</summary>
    public const string Erasing = "erasing";

    /// <summary>Anonymised at the member's request; never undone.</summary>
    public const string Deleted = "deleted";

    /// <summary>Whether a record in this status is a person's current record (not merged away, not deleted).</summary>
    public static bool IsCurrent(string status) => status is Known or Member;
}
