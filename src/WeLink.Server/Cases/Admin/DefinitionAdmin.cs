using System.Security.Claims;
using System.Text.Json.Nodes;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Parameters;

namespace WeLink.Server.Cases.Admin;

/// <summary>
/// What HQ and dealer admins do with definitions and their parameters, every change audited whatever its outcome.
/// Which role may call what is the endpoints' policy; the tenant is the route filter's, and a dealer is found again within the caller's scope here.
/// </summary>
public sealed class DefinitionAdmin(DefinitionCatalog catalog, ParameterSettingsStore settings, IDealerRegistry dealers, IAuditTrail audit)
{
    public async Task<IReadOnlyList<DefinitionListItem>> ListAsync(Guid brandId, CancellationToken cancellationToken)
    {
        var versions = await catalog.ListAsync(brandId, cancellationToken);
        return [.. versions.GroupBy(v => v.Key, StringComparer.Ordinal).Select(key =>
        {
            var current = key.Max(v => v.Version);
            return new DefinitionListItem(
                key.Key,
                key.Single(v => v.Version == current).Title,
                current,
                [.. key.Select(v => new DefinitionVersionItem(v.Version, v.Title, v.Origin, v.Version == current, v.PublishedAt, v.PublishedBy))]);
        })];
    }

    /// <summary>The version's JSON as WeLink stores it, or null when the brand does not see that version.</summary>
    public async Task<JsonObject?> GetVersionAsync(Guid brandId, string key, int version, CancellationToken cancellationToken) =>
        await catalog.FindAsync(key, version, brandId, cancellationToken) is { } definition
            ? JsonNode.Parse(DefinitionLoader.Save(definition))!.AsObject()
            : null;

    public async Task<PublishResult> PublishAsync(ClaimsPrincipal admin, Guid brandId, string key, PublishDefinitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(request);
        var problems = RequestProblems(key, request);
        var json = request.Definition?.ToJsonString();
        if (json is not null && TryLoad(json) is { } candidate)
        {
            var conflicts = await settings.ConflictsAsync(candidate, brandId, cancellationToken);
            if (problems.Count > 0 || conflicts.Count > 0)
            {
                // Refused either way, so say everything now; the catalog would only see the definition's own problems.
                // The version number does not change the rules; any valid one keeps the validator from reporting it.
                problems.AddRange(catalog.Validate(candidate with { Version = 1 }));
                problems.AddRange(conflicts.Select(SettingProblem));
            }
        }

        var result = problems.Count > 0
            ? new DefinitionRejected(problems)
            : await catalog.PublishAsync(brandId, json!, admin.FindFirstValue(WeLinkClaims.Email) ?? "unknown", request.ExpectedCurrentVersion, cancellationToken);
        var auditEvent = result switch
        {
            DefinitionPublished published => new AuditEvent("definition.publish", "definition", $"{key} v{published.Version}", AuditOutcome.Succeeded, brandId),
            DefinitionStale stale => new AuditEvent("definition.publish", "definition", key, AuditOutcome.Conflict, brandId,
                Detail: $"expected v{request.ExpectedCurrentVersion}, current v{stale.CurrentVersion}"),
            DefinitionRejected rejected => new AuditEvent("definition.publish", "definition", key, AuditOutcome.Refused, brandId,
                Detail: $"{rejected.Problems.Count} problem(s), first: {rejected.Problems[0]}"),
            _ => throw new InvalidOperationException($"Unexpected publish result {result.GetType().Name}."),
        };
        await audit.RecordAsync(admin, auditEvent, cancellationToken);
        return result;
    }

    /// <summary>The brand's view of a definition's parameters (latest version), or null when the brand sees no such definition.</summary>
    public async Task<DefinitionParametersResponse?> GetBrandParametersAsync(Guid brandId, string key, CancellationToken cancellationToken) =>
        await catalog.LatestAsync(key, brandId, cancellationToken) is { } definition
            ? View(definition, await settings.ReadAsync(brandId, null, key, cancellationToken), dealer: false)
            : null;

    public async Task<ParameterChange> SetBrandParametersAsync(
        ClaimsPrincipal admin, Guid brandId, string key, SetBrandParametersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(request);
        if (await catalog.LatestAsync(key, brandId, cancellationToken) is not { } definition)
        {
            return ParameterChange.NotFound;
        }

        var wanted = (request.Parameters ?? new Dictionary<string, BrandParameterInput>()).ToDictionary(
            p => p.Key, p => new BrandParameterSetting(p.Value.Value, DealerAdjustable: p.Value.Locked == false, p.Value.DealerMin, p.Value.DealerMax), StringComparer.Ordinal);
        var change = await settings.SetBrandSettingsAsync(brandId, key, wanted, cancellationToken);
        await RecordAsync(admin, "definition.parameters.set", key, change.Errors, wanted.Keys, brandId, null, cancellationToken);
        foreach (var dealer in change.Removed.GroupBy(r => r.DealerId))
        {
            await audit.RecordAsync(
                admin,
                new AuditEvent("definition.parameters.remove-dealer-values", "definition-parameters", key, AuditOutcome.Succeeded, brandId, dealer.Key,
                    $"no longer allowed by HQ: {string.Join(", ", dealer.Select(r => $"{r.Parameter}={r.Value?.ToJsonString() ?? "null"}"))}"),
                cancellationToken);
        }

        return change.Errors.Count > 0
            ? new ParameterChange(true, change.Errors, null)
            : new ParameterChange(true, [], View(definition, await settings.ReadAsync(brandId, null, key, cancellationToken), dealer: false) with { RemovedDealerValues = change.Removed });
    }

    /// <summary>The dealer's view of a definition's parameters, or null when the dealer is out of reach or its brand sees no such definition.</summary>
    public async Task<DefinitionParametersResponse?> GetDealerParametersAsync(ClaimsPrincipal admin, Guid dealerId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return await dealers.FindWithinAsync(admin.AdminScope(), dealerId, cancellationToken) is { } dealer
            && await catalog.LatestAsync(key, dealer.BrandId, cancellationToken) is { } definition
            ? View(definition, await settings.ReadAsync(dealer.BrandId, dealerId, key, cancellationToken), dealer: true)
            : null;
    }

    public async Task<ParameterChange> SetDealerParametersAsync(
        ClaimsPrincipal admin, Guid dealerId, string key, SetDealerParametersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(request);
        if (await dealers.FindWithinAsync(admin.AdminScope(), dealerId, cancellationToken) is not { } dealer
            || await catalog.LatestAsync(key, dealer.BrandId, cancellationToken) is not { } definition)
        {
            return ParameterChange.NotFound;
        }

        var values = request.Values ?? new Dictionary<string, JsonNode?>();
        var errors = await settings.SetDealerOverridesAsync(dealer.BrandId, dealerId, key, values, cancellationToken);
        await RecordAsync(admin, "definition.parameters.set-dealer", key, errors, values.Keys, dealer.BrandId, dealerId, cancellationToken);
        return errors.Count > 0
            ? new ParameterChange(true, errors, null)
            : new ParameterChange(true, [], View(definition, await settings.ReadAsync(dealer.BrandId, dealerId, key, cancellationToken), dealer: true));
    }

    /// <summary>Problems of the request itself, reported alongside the definition's own in the same shape.</summary>
    private static List<DefinitionProblem> RequestProblems(string key, PublishDefinitionRequest request)
    {
        var problems = new List<DefinitionProblem>();
        if (request.ExpectedCurrentVersion is null or < 0)
        {
            problems.Add(new("expectedCurrentVersion", "Give the version you last saw as current (0 when the brand has none yet)."));
        }

        if (request.Definition is null)
        {
            problems.Add(new("definition", "The definition to publish is required."));
        }
        else if (request.Definition["key"] is JsonValue value && value.TryGetValue<string>(out var definitionKey) && definitionKey != key)
        {
            problems.Add(new("definition.key", $"The definition's key '{definitionKey}' differs from the key '{key}' it is published under."));
        }

        return problems;
    }

    /// <summary>The definition, or null when it is malformed (the catalog reports that when it is asked to publish it).</summary>
    private static WorkflowDefinition? TryLoad(string json)
    {
        try
        {
            return DefinitionLoader.Load(json);
        }
        catch (DefinitionLoadException)
        {
            return null;
        }
    }

    private static DefinitionProblem SettingProblem(SettingConflict conflict) => conflict.DealerId is { } dealerId
        ? new($"parameterSettings.dealers.{dealerId}.{conflict.Error.Parameter}",
            $"dealer {dealerId}'s value does not fit this version: {conflict.Error.Message}; change or remove it first (or lock the parameter)")
        : new($"parameterSettings.brand.{conflict.Error.Parameter}",
            $"HQ's setting does not fit this version: {conflict.Error.Message}; change or remove it first");

    private static DefinitionParametersResponse View(WorkflowDefinition definition, ParameterSettings stored, bool dealer) =>
        new(definition.Key, definition.Version, [.. definition.Parameters.Select(p =>
        {
            var hq = stored.Brand.GetValueOrDefault(p.Name);
            var dealerValue = dealer ? stored.Dealer.GetValueOrDefault(p.Name) : null;
            return new ParameterView(
                p.Name, p.Type, p.Description, p.Default, p.Min, p.Max, hq?.Value, Locked: hq is not { DealerAdjustable: true },
                hq?.DealerMin ?? p.Min, hq?.DealerMax ?? p.Max, dealerValue, dealerValue ?? hq?.Value ?? p.Default);
        })], []);

    private Task RecordAsync(
        ClaimsPrincipal admin, string action, string key, IReadOnlyList<ParameterError> errors, IEnumerable<string> names, Guid brandId, Guid? dealerId,
        CancellationToken cancellationToken) =>
        audit.RecordAsync(
            admin,
            new AuditEvent(
                action, "definition-parameters", key, errors.Count == 0 ? AuditOutcome.Succeeded : AuditOutcome.Refused, brandId, dealerId,
                errors.Count == 0 ? $"set: {string.Join(", ", names)}" : string.Join("; ", errors)),
            cancellationToken);
}
