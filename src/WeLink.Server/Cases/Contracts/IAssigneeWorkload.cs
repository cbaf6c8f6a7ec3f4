namespace WeLink.Server.Cases.Contracts;

/// <summary>How much open work a dealer's staff hold, for features that choose whom to give a case to.</summary>
public interface IAssigneeWorkload
{
    /// <summary>Open cases of the dealer per assigned staff member; staff with none are absent.</summary>
    Task<IReadOnlyDictionary<Guid, long>> OpenCasesByAssigneeAsync(Guid dealerId, CancellationToken cancellationToken);
}
