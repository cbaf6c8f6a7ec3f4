using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Server.Uploads.Contracts;

namespace WeLink.Server.Complaints.Api;

/// <summary>Turns a complaint case into what its consumer may see.</summary>
public sealed class ComplaintViews(CaseDetailsStore cases, ComplaintStore complaints, CaseDefinitions definitions, IDealerRegistry dealers, ICasePhotos photos)
{
    /// <summary>The complaint; null when the case does not exist, lies outside <paramref name="scope"/> or is no complaint.</summary>
    public async Task<ComplaintResponse?> ViewAsync(Guid caseId, CaseScope scope, CancellationToken cancellationToken)
    {
        if (await cases.GetAsync(caseId, scope, cancellationToken) is not { } details
            || await complaints.FindAsync(caseId, cancellationToken) is not { } complaint)
        {
            return null;
        }

        var definition = await definitions.GetAsync(details.DefinitionKey, details.DefinitionVersion, cancellationToken);
        var state = details.State;
        return new ComplaintResponse(
            complaint.CaseId,
            complaint.Category,
            Text(details, "description") ?? "",
            complaint.Severity,
            Text(details, "vehicle"),
            ComplaintLabels.Of(definition, state),
            state == ComplaintDefinition.States.AwaitingConsumerInfo ? details.LatestInput["question"]?.GetValue<string>() : null,
            state is ComplaintDefinition.States.Received or ComplaintDefinition.States.Escalated,
            state == ComplaintDefinition.States.Resolved,
            complaint.CreatedAt,
            complaint.DealerId,
            (await dealers.FindAsync(complaint.DealerId, cancellationToken))?.Name ?? "",
            [.. (await photos.OfCaseAsync(caseId, cancellationToken)).Select(id => new ComplaintPhoto(id, UploadLinks.ForConsumer(id)))],
            ComplaintTimeline.Of(details, definition),
            ComplaintSeverities.LabelOf(definition, complaint.Severity));
    }

    private static string? Text(CaseDetails details, string field) => details.Data[field]?.GetValue<string>();
}
