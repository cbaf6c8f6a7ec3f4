using WeLink.Server.Cases.Engine;

namespace WeLink.Server.Cases.Contracts;

/// <summary>Cases of every process, filtered and paged, for the portal's case list; a case outside the scope is never listed.</summary>
public interface ICaseSearch
{
    Task<CaseSearchPage> SearchAsync(CaseScope scope, CaseSearchQuery query, CancellationToken cancellationToken);

    /// <summary>The processes the scope has cases of (key and the newest version seen), for the list's process filter.</summary>
    Task<IReadOnlyList<(string Key, int Version)>> ProcessesAsync(CaseScope scope, CancellationToken cancellationToken);
}

/// <param name="DealerId">Only this dealer's cases (within the scope).</param>
/// <param name="Process">A definition key.</param>
/// <param name="State">A state key of that process (or of any).</param>
/// <param name="Breached">True: an SLA breached or is past due; false: none.</param>
/// <param name="AssigneeStaffId">Only cases this staff member holds.</param>
/// <param name="CreatedFrom">Filed on or after this instant.</param>
/// <param name="CreatedBefore">Filed before this instant.</param>
/// <param name="Page">1-based.</param>
/// <param name="PageSize">At most 200.</param>
public sealed record CaseSearchQuery(
    Guid? DealerId = null,
    string? Process = null,
    string? State = null,
    bool? Breached = null,
    Guid? AssigneeStaffId = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedBefore = null,
    int Page = 1,
    int PageSize = 50);

/// <param name="Rows">This page's cases, newest first.</param>
/// <param name="Total">How many cases match, over every page.</param>
/// <param name="Page">1-based.</param>
/// <param name="PageSize">Cases a page.</param>
public sealed record CaseSearchPage(IReadOnlyList<CaseListRow> Rows, long Total, int Page, int PageSize)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>One case in the list; <c>Breached</c> as the staff inbox says it (an SLA fired, or the earliest is past due).</summary>
public sealed record CaseListRow(
    Guid Id,
    Guid DealerId,
    string DefinitionKey,
    int DefinitionVersion,
    string State,
    Guid? AssigneeStaffId,
    string? AssigneeRole,
    DateTimeOffset? DueAt,
    bool Breached,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt);
