namespace WeLink.Server.Members.Contracts;

/// <summary>Every channel tells members who it saw; the one record of each person per brand is kept here.</summary>
public interface IMemberLinks
{
    /// <summary>
    /// Links the identity (and its unionid) to the brand's one record of this person: the member already holding either,
    /// else a new record not yet joined, with this dealer as home. When the identity and the unionid belong to two
    /// records, WeChat has proved them one person and they are merged, nothing lost. Safe to repeat and to race.
    /// </summary>
    Task<Guid> SeenAsync(MemberSighting sighting, CancellationToken cancellationToken);

    /// <summary>The member holding this identity in the brand (the record it was merged into, if it was); null when none.</summary>
    Task<Guid?> FindAsync(Guid brandId, MemberIdentity identity, CancellationToken cancellationToken);
}
