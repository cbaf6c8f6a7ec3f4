using WeLink.Server.Cases.Engine;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Complaints.Contracts;

/// <summary>
/// Filing a complaint, whoever files it: the consumer from their app, or staff for a consumer who told them (a
/// conversation). One path, so a complaint is the same case and <c>complaints</c> row however it came in.
/// </summary>
public interface IComplaintFiling
{
    /// <summary>
    /// Starts the complaint when its category is one the brand offers (<see cref="CategoriesAsync"/>) and the dealer can take
    /// complaints; the same <see cref="NewComplaint.IdempotencyKey"/> files it once and answers the first case again. The
    /// rest of the input is the caller's to check (<see cref="ComplaintLimits"/>).
    /// </summary>
    Task<ComplaintFilingResult> FileAsync(NewComplaint complaint, CancellationToken cancellationToken);

    /// <summary>
    /// The categories the brand's complaints are filed under, in the order to offer them: the complaint definition's
    /// <c>category</c> value labels, which HQ changes by publishing a version.
    /// </summary>
    Task<IReadOnlyList<ComplaintOption>> CategoriesAsync(Guid brandId, CancellationToken cancellationToken);
}

/// <summary>One choice a filing offers.</summary>
/// <param name="Value">What the filing sends.</param>
/// <param name="Label">What a picker shows.</param>
public sealed record ComplaintOption(string Value, string Label);

/// <summary>
/// A complaint to file, checked, for <paramref name="ConsumerId"/> at <paramref name="DealerId"/>, filed by
/// <paramref name="Actor"/>. <paramref name="AlsoWrite"/> is the filer's own write in the filing's transaction (photos
/// attached, a conversation marked filed); when it changes other rows than it expects, nothing of the filing is kept.
/// </summary>
public sealed record NewComplaint(
    Guid BrandId,
    Guid DealerId,
    Guid ConsumerId,
    string Category,
    string Severity,
    string Description,
    string? Vehicle,
    Actor Actor,
    string IdempotencyKey,
    Func<StartedCase, CaseWrite>? AlsoWrite = null);

/// <summary>What became of a filing.</summary>
public abstract record ComplaintFilingResult
{
    private ComplaintFilingResult()
    {
    }

    /// <summary>Filed: the new case, or for a repeated key the case it filed first.</summary>
    public sealed record Filed(Guid CaseId) : ComplaintFilingResult;

    /// <summary>The category is not one the brand offers; nothing was filed.</summary>
    public sealed record CategoryNotOffered : ComplaintFilingResult;

    /// <summary>The dealer cannot take complaints now; <paramref name="Why"/> says which link is missing.</summary>
    public sealed record DealerNotLinked(string? Why) : ComplaintFilingResult;

    /// <summary>The filer's <see cref="NewComplaint.AlsoWrite"/> found its rows taken; nothing was kept.</summary>
    public sealed record AlsoWriteRefused : ComplaintFilingResult;

    /// <summary>The engine refused the start for another reason (a conflict, a definition that does not allow it).</summary>
    public sealed record Refused(CaseResult Result) : ComplaintFilingResult;
}

/// <summary>What a complaint may hold, for every route that takes one.</summary>
public static class ComplaintLimits
{
    public const int Category = 50;
    public const int Description = 2000;

    /// <summary>The severities a complaint may have; <c>high</c> shortens the first-response SLA.</summary>
    public static IReadOnlyList<string> Severities => ComplaintDefinition.Severities;
}
