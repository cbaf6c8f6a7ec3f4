using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using WeLink.Server.Data;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Parameters;

namespace WeLink.Server.Cases.Definitions;

/// <summary>HQ's parameter settings per brand and each dealer's overrides, per definition key; checked before they are saved.</summary>
public sealed class ParameterSettingsStore(IDbConnectionFactory connections, DefinitionCatalog definitions, TimeProvider time)
{
    /// <summary>
    /// Saves HQ's settings for the brand when they resolve against the latest definition; otherwise returns every error. HQ's word
    /// wins over dealers': a dealer value the new settings no longer allow (now locked, or outside the new dealer bounds) is removed
    /// in the same transaction and reported, so no dealer is left with values its new cases could not start with.
    /// </summary>
    public async Task<BrandSettingsChange> SetBrandSettingsAsync(
        Guid brandId, string definitionKey, IReadOnlyDictionary<string, BrandParameterSetting> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var definition = await RequireLatestAsync(definitionKey, brandId, connection, cancellationToken);
        var errors = ParameterResolver.Resolve(definition, settings, new Dictionary<string, JsonNode?>()).Errors;
        if (errors.Count > 0)
        {
            return new BrandSettingsChange(errors, []);
        }

        var removed = new List<RemovedDealerValue>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SaveAsync(connection, transaction, brandId, null, definitionKey, JsonSerializer.Serialize(settings, CasesJsonContext.Default.IReadOnlyDictionaryStringBrandParameterSetting), cancellationToken);
        foreach (var (dealerId, values) in await DealerValuesAsync(brandId, definitionKey, connection, transaction, cancellationToken))
        {
            var refused = ParameterResolver.Resolve(definition, settings, values).Errors
                .Where(e => e.Source == ParameterSource.Dealer).Select(e => e.Parameter).ToHashSet(StringComparer.Ordinal);
            if (refused.Count > 0)
            {
                removed.AddRange(refused.Select(p => new RemovedDealerValue(dealerId, p, values.GetValueOrDefault(p))));
                var kept = values.Where(v => !refused.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
                await SaveAsync(connection, transaction, brandId, dealerId, definitionKey, JsonSerializer.Serialize(kept, CasesJsonContext.Default.IReadOnlyDictionaryStringJsonNode), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new BrandSettingsChange([], removed);
    }

    /// <summary>
    /// The brand's stored settings and its dealers' values that would not resolve against <paramref name="candidate"/>: what publishing
    /// it for the brand would break (a removed parameter, a changed type, narrower bounds).
    /// </summary>
    public async Task<IReadOnlyList<SettingConflict>> ConflictsAsync(WorkflowDefinition candidate, Guid brandId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var (brand, _) = await LoadAsync(brandId, Guid.Empty, candidate.Key, connection, null, cancellationToken);
        var conflicts = ParameterResolver.Resolve(candidate, brand, new Dictionary<string, JsonNode?>()).Errors.Select(e => new SettingConflict(null, e)).ToList();
        foreach (var (dealerId, values) in await DealerValuesAsync(brandId, candidate.Key, connection, null, cancellationToken))
        {
            conflicts.AddRange(ParameterResolver.Resolve(candidate, brand, values).Errors
                .Where(e => e.Source == ParameterSource.Dealer).Select(e => new SettingConflict(dealerId, e)));
        }

        return conflicts;
    }

    /// <summary>Saves a dealer's overrides when HQ allows each of them within bounds; a locked parameter is refused.</summary>
    public async Task<IReadOnlyList<ParameterError>> SetDealerOverridesAsync(
        Guid brandId, Guid dealerId, string definitionKey, IReadOnlyDictionary<string, JsonNode?> overrides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var definition = await RequireLatestAsync(definitionKey, brandId, connection, cancellationToken);
        var (brand, _) = await LoadAsync(brandId, dealerId, definitionKey, connection, null, cancellationToken);
        var errors = ParameterResolver.Resolve(definition, brand, overrides).Errors;
        if (errors.Count == 0)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await SaveAsync(connection, transaction, brandId, dealerId, definitionKey, JsonSerializer.Serialize(overrides, CasesJsonContext.Default.IReadOnlyDictionaryStringJsonNode), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return errors;
    }

    /// <summary>HQ's stored settings for the brand and, when <paramref name="dealerId"/> is given, that dealer's stored overrides.</summary>
    public async Task<ParameterSettings> ReadAsync(Guid brandId, Guid? dealerId, string definitionKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var (brand, dealer) = await LoadAsync(brandId, dealerId ?? Guid.Empty, definitionKey, connection, null, cancellationToken);
        return new ParameterSettings(brand, dealer);
    }

    /// <summary>Resolves the parameters a new case of the dealer pins.</summary>
    internal static async Task<ParameterResolution> ResolveAsync(
        WorkflowDefinition definition, Guid brandId, Guid dealerId, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var (brand, dealer) = await LoadAsync(brandId, dealerId, definition.Key, connection, transaction, cancellationToken);
        return ParameterResolver.Resolve(definition, brand, dealer);
    }

    private static async Task<(IReadOnlyDictionary<string, BrandParameterSetting> Brand, IReadOnlyDictionary<string, JsonNode?> Dealer)> LoadAsync(
        Guid brandId, Guid dealerId, string definitionKey, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT dealer_id AS DealerId, values_json AS ValuesJson FROM workflow_parameter_settings
            WHERE brand_id = @brandId AND definition_key = @definitionKey AND (dealer_id IS NULL OR dealer_id = @dealerId)
            """;
        var rows = (await connection.QueryAsync<SettingsRow>(new CommandDefinition(sql, new { brandId, dealerId, definitionKey }, transaction, cancellationToken: cancellationToken))).ToList();
        var brandJson = rows.FirstOrDefault(r => r.DealerId is null)?.ValuesJson;
        var dealerJson = rows.FirstOrDefault(r => r.DealerId is not null)?.ValuesJson;
        var brand = brandJson is null ? null : JsonSerializer.Deserialize(brandJson, CasesJsonContext.Default.IReadOnlyDictionaryStringBrandParameterSetting);
        var dealer = dealerJson is null ? null : JsonSerializer.Deserialize(dealerJson, CasesJsonContext.Default.IReadOnlyDictionaryStringJsonNode);
        return (brand ?? new Dictionary<string, BrandParameterSetting>(), dealer ?? new Dictionary<string, JsonNode?>());
    }

    private async Task<WorkflowDefinition> RequireLatestAsync(string key, Guid brandId, DbConnection connection, CancellationToken cancellationToken) =>
        await definitions.LatestAsync(key, brandId, connection, null, cancellationToken)
        ?? throw new ArgumentException($"No workflow definition '{key}' exists.", nameof(key));

    private static async Task<IReadOnlyList<(Guid DealerId, IReadOnlyDictionary<string, JsonNode?> Values)>> DealerValuesAsync(
        Guid brandId, string definitionKey, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT dealer_id AS DealerId, values_json AS ValuesJson FROM workflow_parameter_settings
            WHERE brand_id = @brandId AND definition_key = @definitionKey AND dealer_id IS NOT NULL
            """;
        var rows = await connection.QueryAsync<SettingsRow>(new CommandDefinition(sql, new { brandId, definitionKey }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.DealerId!.Value, JsonSerializer.Deserialize(r.ValuesJson, CasesJsonContext.Default.IReadOnlyDictionaryStringJsonNode) ?? new Dictionary<string, JsonNode?>()))];
    }

    private async Task SaveAsync(
        DbConnection connection, DbTransaction transaction, Guid brandId, Guid? dealerId, string definitionKey, string json, CancellationToken cancellationToken)
    {
        // Delete-then-insert: the unique index is on an expression, which ON CONFLICT cannot name the same way on both providers.
        const string delete = """
            DELETE FROM workflow_parameter_settings
            WHERE brand_id = @brandId AND definition_key = @definitionKey
              AND ((@dealerId IS NULL AND dealer_id IS NULL) OR dealer_id = @dealerId)
            """;
        const string insert = """
            INSERT INTO workflow_parameter_settings (brand_id, dealer_id, definition_key, values_json, updated_at)
            VALUES (@brandId, @dealerId, @definitionKey, @json, @now)
            """;
        var args = new { brandId, dealerId, definitionKey, json, now = time.GetUtcNow() };
        await connection.ExecuteAsync(new CommandDefinition(delete, args, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(insert, args, transaction, cancellationToken: cancellationToken));
    }

    private sealed class SettingsRow
    {
        public Guid? DealerId { get; init; }

        public string ValuesJson { get; init; } = "";
    }
}
