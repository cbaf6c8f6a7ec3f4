using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Admin.Pages.Cases;

/// <summary>
/// The cases an admin reaches (a dealer admin their dealer's, HQ their brand's, the platform all), every process, filtered
/// by dealer, process, state, breach, assignee and filing date, 50 a page, newest first.
/// </summary>
public sealed class CaseListModel(ICaseSearch search, CaseDefinitions definitions, IDealerRegistry dealers, IDealerStaffRoles staff, IStaffDirectory directory)
    : PortalPageModel
{
    private readonly Dictionary<(string, int), WorkflowDefinition> _definitions = [];
    private readonly Dictionary<Guid, string> _dealerNames = [];
    private readonly Dictionary<Guid, string> _staffNames = [];

    [FromQuery(Name = "dealer")]
    public Guid? DealerFilter { get; set; }

    [FromQuery(Name = "process")]
    public string? ProcessFilter { get; set; }

    [FromQuery(Name = "state")]
    public string? StateFilter { get; set; }

    /// <summary><c>yes</c>, <c>no</c> or empty.</summary>
    [FromQuery(Name = "breached")]
    public string? BreachedFilter { get; set; }

    [FromQuery(Name = "assignee")]
    public Guid? AssigneeFilter { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CaseSearchPage Result { get; private set; } = new([], 0, 1, 50);

    public IReadOnlyList<(string Key, string Title, IReadOnlyList<(string Key, string Label)> States)> Processes { get; private set; } = [];

    /// <summary>The dealers the filter offers: HQ and platform pick one; a dealer admin has only theirs.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Dealers { get; private set; } = [];

    /// <summary>The chosen (or only) dealer's staff, for the assignee filter.</summary>
    public IReadOnlyList<StaffRecord> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = CaseScope.Of(Scope);
        var dealer = Scope.DealerId ?? DealerFilter;
        Result = await search.SearchAsync(
            scope,
            new CaseSearchQuery(
                dealer,
                NullIfEmpty(ProcessFilter),
                NullIfEmpty(StateFilter),
                BreachedFilter switch { "yes" => true, "no" => false, _ => null },
                AssigneeFilter,
                From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                PageNumber),
            cancellationToken);

        var processes = new List<(string, string, IReadOnlyList<(string, string)>)>();
        foreach (var (key, version) in await search.ProcessesAsync(scope, cancellationToken))
        {
            var definition = await DefinitionAsync(key, version, cancellationToken);
            processes.Add((key, definition.Title, [.. definition.States.Select(s => (s.Key, definition.StateLabel(s.Key)))]));
        }

        Processes = processes;
        if (Scope.BrandId is { } brandId)
        {
            RegisteredDealer[] reachable = [.. (await dealers.DealersOfBrandAsync(brandId, cancellationToken)).Where(d => Scope.DealerId is not { } own || d.DealerId == own)];
            foreach (var each in reachable)
            {
                _dealerNames[each.DealerId] = each.Name;
            }

            Dealers = [.. reachable.Select(d => (d.DealerId, d.Name)).OrderBy(d => d.Name, StringComparer.Ordinal)];
        }

        if (dealer is { } chosen)
        {
            Staff = await staff.ListAsync(chosen, cancellationToken);
        }

        foreach (var row in Result.Rows)
        {
            await DefinitionAsync(row.DefinitionKey, row.DefinitionVersion, cancellationToken);
            await DealerNameAsync(row.DealerId, cancellationToken);
            if (row.AssigneeStaffId is { } assignee && !_staffNames.ContainsKey(assignee))
            {
                _staffNames[assignee] = (await directory.FindAsync(assignee, cancellationToken))?.Name ?? "（已离开的员工）";
            }
        }
    }

    public string ProcessTitle(CaseListRow row) => _definitions[(row.DefinitionKey, row.DefinitionVersion)].Title;

    public string StateLabel(CaseListRow row) => _definitions[(row.DefinitionKey, row.DefinitionVersion)].StateLabel(row.State);

    public string DealerName(Guid dealerId) => _dealerNames.GetValueOrDefault(dealerId, dealerId.ToString());

    public string? AssigneeName(CaseListRow row) => row.AssigneeStaffId is { } id ? _staffNames.GetValueOrDefault(id) : null;

    /// <summary>The current filters with another page number, for the pager's links.</summary>
    public string PageLink(int page)
    {
        var query = Request.Query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"page={page.ToString(CultureInfo.InvariantCulture)}");
        return $"/admin/cases?{string.Join('&', query)}";
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<WorkflowDefinition> DefinitionAsync(string key, int version, CancellationToken cancellationToken)
    {
        if (!_definitions.TryGetValue((key, version), out var definition))
        {
            definition = await definitions.GetAsync(key, version, cancellationToken);
            _definitions[(key, version)] = definition;
        }

        return definition;
    }

    private async Task<string> DealerNameAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        if (!_dealerNames.TryGetValue(dealerId, out var name))
        {
            name = (await dealers.FindAsync(dealerId, cancellationToken))?.Name ?? dealerId.ToString();
            _dealerNames[dealerId] = name;
        }

        return name;
    }
}
