using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using WeLink.Server.Data;
using WeLink.Workflow.Actions;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Definitions;

/// <summary>
/// Every definition version a case can run: shipped files and versions HQ published to the database. Versions are numbered
/// per key across all brands, so (key, version) names one definition and a case's pin never becomes ambiguous. A brand
/// sees the shipped versions, platform-wide published ones and its own; new cases start on the highest of those.
/// </summary>
public sealed class DefinitionCatalog
{
    private const int PublishAttempts = 5;

    private readonly IDbConnectionFactory _connections;
    private readonly CaseActionRegistry _actions;
    private readonly CaseRoleCatalog _roles;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string Key, int Version), WorkflowDefinition> _shipped;
    private readonly ConcurrentDictionary<(string Key, int Version), WorkflowDefinition> _published = new();

    public DefinitionCatalog(
        IEnumerable<ShippedDefinition> shipped,
        IDbConnectionFactory connections,
        CaseActionRegistry actions,
        CaseRoleCatalog roles,
        TimeProvider time)
    {
        _connections = connections;
        _actions = actions;
        _roles = roles;
        _time = time;
        _shipped = [];
        foreach (var definition in shipped.Select(s => DefinitionLoader.Load(s.Json)))
        {
            var problems = Validate(definition);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Shipped definition {definition.Key} v{definition.Version} is invalid: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
            }

            if (!_shipped.TryAdd((definition.Key, definition.Version), definition))
            {
                throw new InvalidOperationException($"Definition {definition.Key} v{definition.Version} is shipped twice.");
            }
        }
    }

    /// <summary>Checks a definition against the registered actions and known roles.</summary>
    public IReadOnlyList<DefinitionProblem> Validate(WorkflowDefinition definition) =>
        DefinitionValidator.Validate(definition, _actions.Names, _roles.Roles);

    /// <summary>The newest version the brand sees, or null when the key is unknown.</summary>
    public async Task<WorkflowDefinition?> LatestAsync(string key, Guid brandId, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT MAX(version) FROM workflow_definitions
            WHERE key = @key AND (brand_id = @brandId OR brand_id IS NULL)
            """;
        var published = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(sql, new { key, brandId }, transaction, cancellationToken: cancellationToken));
        var shipped = _shipped.Keys.Where(k => k.Key == key).Select(k => (int?)k.Version).Max();
        var latest = Math.Max(published ?? 0, shipped ?? 0);
        return latest == 0 ? null : await GetAsync(key, latest, connection, transaction, cancellationToken);
    }

    /// <summary>A pinned version; published versions never change, so they are cached once read.</summary>
    public async Task<WorkflowDefinition> GetAsync(string key, int version, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (_shipped.TryGetValue((key, version), out var shipped))
        {
            return shipped;
        }

        if (_published.TryGetValue((key, version), out var cached))
        {
            return cached;
        }

        const string sql = "SELECT json FROM workflow_definitions WHERE key = @key AND version = @version";
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, new { key, version }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Definition {key} v{version} is pinned by a case but exists nowhere.");
        return _published.GetOrAdd((key, version), DefinitionLoader.Load(json));
    }

    /// <summary>
    /// Validates <paramref name="json"/> and stores it as the key's next version (the version in the JSON is ignored).
    /// Open cases keep the version they pinned; new cases of the brand (all brands when <paramref name="brandId"/> is null) start on this one.
    /// </summary>
    public async Task<PublishResult> PublishAsync(Guid? brandId, string json, string publishedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        WorkflowDefinition loaded;
        try
        {
            loaded = DefinitionLoader.Load(json);
        }
        catch (DefinitionLoadException e)
        {
            return new DefinitionRejected([new DefinitionProblem(e.JsonPath ?? "$", e.Message)]);
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await _connections.OpenConnectionAsync(cancellationToken);
            var definition = loaded with { Version = await NextVersionAsync(loaded.Key, connection, cancellationToken) };
            var problems = Validate(definition);
            if (problems.Count > 0)
            {
                return new DefinitionRejected(problems);
            }

            const string sql = """
                INSERT INTO workflow_definitions (key, version, brand_id, json, published_at, published_by)
                VALUES (@Key, @Version, @brandId, @json, @now, @publishedBy)
                """;
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    sql,
                    new { definition.Key, definition.Version, brandId, json = DefinitionLoader.Save(definition), now = _time.GetUtcNow(), publishedBy },
                    cancellationToken: cancellationToken));
                return new DefinitionPublished(definition.Key, definition.Version);
            }
            catch (DbException e) when (DbErrors.IsUniqueViolation(e) && attempt < PublishAttempts)
            {
                // Another publish of the same key took this version number; number again.
            }
        }
    }

    private async Task<int> NextVersionAsync(string key, DbConnection connection, CancellationToken cancellationToken)
    {
        const string sql = "SELECT MAX(version) FROM workflow_definitions WHERE key = @key";
        var published = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(sql, new { key }, cancellationToken: cancellationToken));
        var shipped = _shipped.Keys.Where(k => k.Key == key).Select(k => (int?)k.Version).Max();
        return Math.Max(published ?? 0, shipped ?? 0) + 1;
    }
}
