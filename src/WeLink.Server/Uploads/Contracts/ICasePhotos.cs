using WeLink.Server.Cases.Engine;

namespace WeLink.Server.Uploads.Contracts;

/// <summary>The photos of a case: attached when the consumer files, read by the consumer's and the staff's views.</summary>
public interface ICasePhotos
{
    /// <summary>
    /// The write that attaches the consumer's own, not yet attached uploads to the case being started, in the start's
    /// transaction. It expects to change one row per id: when any id is someone else's, already attached or unknown, the
    /// engine refuses the start (<see cref="CaseRefusalReason.FeatureWriteRefused"/>) and keeps nothing of it.
    /// </summary>
    CaseWrite Attach(StartedCase started, Guid consumerId, Guid dealerId, IReadOnlyList<Guid> uploadIds);

    /// <summary>The ids of the case's photos, in upload order.</summary>
    Task<IReadOnlyList<Guid>> OfCaseAsync(Guid caseId, CancellationToken cancellationToken);
}
