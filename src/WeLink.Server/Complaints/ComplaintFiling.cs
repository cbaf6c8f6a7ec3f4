using System.Text.Json.Nodes;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Complaints.Contracts;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Complaints;

/// <summary>
/// Starts a complaint: its case, its <c>complaints</c> row and the filer's own write in one transaction, once per
/// idempotency key, when its category is one of the brand's (whoever files: the consumer's picker and staff's 转为投诉
/// are held to the same list) and the dealer's account and corp are both linked (otherwise nobody could answer it).
/// </summary>
public sealed class ComplaintFiling(CaseEngine engine, IDealerLinks links, ComplaintCategories categories) : IComplaintFiling
{
    public async Task<IReadOnlyList<ComplaintOption>> CategoriesAsync(Guid brandId, CancellationToken cancellationToken) =>
        [.. (await categories.OfBrandAsync(brandId, cancellationToken)).Select(c => new ComplaintOption(c.Value, c.Label))];

    public async Task<ComplaintFilingResult> FileAsync(NewComplaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (!(await categories.OfBrandAsync(complaint.BrandId, cancellationToken)).Any(c => c.Value == complaint.Category))
        {
            return new ComplaintFilingResult.CategoryNotOffered();
        }

        var link = await links.GetAsync(complaint.DealerId, cancellationToken);
        if (!link.Linked)
        {
            return new ComplaintFilingResult.DealerNotLinked(link.WhyNotLinked);
        }

        var data = new JsonObject
        {
            ["category"] = complaint.Category,
            ["description"] = complaint.Description,
            ["severity"] = complaint.Severity,
            ["vehicle"] = complaint.Vehicle,
        };
        var started = await engine.StartAsync(
            new StartCase(
                ComplaintDefinition.Key, complaint.BrandId, complaint.DealerId, complaint.ConsumerId.ToString(), data, complaint.IdempotencyKey, complaint.Actor,
                FeatureWrite: @case =>
                {
                    var filed = ComplaintStore.Filed(new ComplaintRow
                    {
                        CaseId = @case.CaseId,
                        BrandId = complaint.BrandId,
                        DealerId = complaint.DealerId,
                        ConsumerId = complaint.ConsumerId,
                        Category = complaint.Category,
                        Severity = complaint.Severity,
                        CreatedAt = @case.At,
                    });
                    return complaint.AlsoWrite is { } also ? filed.And(also(@case)) : filed;
                }),
            cancellationToken);
        return started switch
        {
            CaseMoved moved => new ComplaintFilingResult.Filed(moved.CaseId),
            CaseRefused { Reason: CaseRefusalReason.FeatureWriteRefused } => new ComplaintFilingResult.AlsoWriteRefused(),
            _ => new ComplaintFilingResult.Refused(started),
        };
    }
}
