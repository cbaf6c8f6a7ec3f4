using System.Globalization;
using WeLink.Server.Cases.Messaging;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Complaints.Actions;

/// <summary>
/// Records the remedy granted on a complaint in <c>complaint_remedies</c>, once per delivery key; the loyalty ledger
/// (not built yet) takes untaken rows and credits the points. The points are the ones staff offered: on approval they
/// are the offer, the latest value the case's steps gave it.
/// </summary>
public sealed class GrantRemedyAction(ComplaintStore store, TimeProvider time) : ICaseActionHandler
{
    public const string ActionName = "grant_remedy";

    public string Name => ActionName;

    public async Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var complaint = new CasePayload(context);
        var points = complaint.Latest("remedyPoints") ?? "0";
        await store.GrantRemedyAsync(
            new RemedyGrant
            {
                IdempotencyKey = context.IdempotencyKey,
                CaseId = context.CaseId,
                DealerId = context.DealerId,
                ConsumerId = complaint.SubjectId,
                Points = long.Parse(points, NumberStyles.Integer, CultureInfo.InvariantCulture),
                Description = complaint.Latest("remedyDescription") ?? "",
                GrantedAt = time.GetUtcNow(),
            },
            cancellationToken);
    }
}
