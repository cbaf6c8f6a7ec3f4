using WeLink.Server.Cases.Admin;

namespace WeLink.Server.Complaints.Api;

/// <summary>Turns a complaint case into what its consumer may see.</summary>
public sealed class ComplaintViews(CaseDetailsStore cases, ComplaintLabels labels)
{
    public async Task<ComplaintResponse?> ViewAsync(ComplaintRow complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (await cases.GetAsync(complaint.CaseId, cancellationToken) is not { } details)
        {
            return null;
        }

        var state = details.State;
        return new ComplaintResponse(
            complaint.CaseId,
            complaint.Category,
            Text(details, "description") ?? "",
            complaint.Severity,
            Text(details, "vehicle"),
            await labels.LabelAsync(details.DefinitionVersion, state, cancellationToken),
            state == ComplaintDefinition.States.AwaitingConsumerInfo ? Text(details, "question") : null,
            state is ComplaintDefinition.States.Received or ComplaintDefinition.States.Escalated,
            state == ComplaintDefinition.States.Resolved,
            complaint.CreatedAt);
    }

    private static string? Text(CaseDetails details, string field) => details.Data[field]?.GetValue<string>();
}
