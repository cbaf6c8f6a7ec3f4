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
    private readonly PublishedDefinitionCache _published;

    public DefinitionCatalog(
        IEnumerable<ShippedDefinition> shipped,
        IDbConnectionFactory connections,
        CaseActionRegistry actions,
        CaseRoleCatalog roles,
        TimeProvider time,
        PublishedDefinitionCache published)
    {
        _published = published;
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
        var latest = await CurrentVersionAsync(key, brandId, connection, transaction, cancellationToken);
        return latest == 0 ? null : await GetAsync(key, latest, connection, transaction, cancellationToken);
    }

    /// <summary>The newest version the brand sees, or null when the key is unknown, on a connection of its own.</summary>
    public async Task<WorkflowDefinition?> LatestAsync(string key, Guid brandId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenConnectionAsync(cancellationToken);
        return await LatestAsync(key, brandId, connection, null, cancellationToken);
    }

    /// <summary>The newest version of <paramref name="key"/> the brand sees; 0 when it sees none.</summary>
    public async Task<int> CurrentVersionAsync(string key, Guid? brandId, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT MAX(version) FROM workflow_definitions
            WHERE key = @key AND (brand_id = @brandId OR brand_id IS NULL)
            """;
        var published = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(sql, new { key, brandId }, transaction, cancellationToken: cancellationToken));
        var shipped = _shipped.Keys.Where(k => k.Key == key).Select(k => (int?)k.Version).Max();
        return Math.Max(published ?? 0, shipped ?? 0);
    }

    /// <summary>Every version the brand sees (shipped, platform-wide and its own), by key and version.</summary>
    public async Task<IReadOnlyList<DefinitionVersionInfo>> ListAsync(Guid brandId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT key AS Key, version AS Version, brand_id AS BrandId, json AS Json, published_at AS PublishedAt, published_by AS PublishedBy
            FROM workflow_definitions WHERE brand_id = @brandId OR brand_id IS NULL
            """;
        await using var connection = await _connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PublishedRow>(new CommandDefinition(sql, new { brandId }, cancellationToken: cancellationToken));
        var published = rows.Select(r => new DefinitionVersionInfo(
            r.Key, r.Version, _published.GetOrParse(r.Key, r.Version, r.Json).Title,
            r.BrandId is null ? DefinitionOrigin.Platform : DefinitionOrigin.Brand, r.PublishedAt, r.PublishedBy));
        var shipped = _shipped.Values.Select(d => new DefinitionVersionInfo(d.Key, d.Version, d.Title, DefinitionOrigin.Shipped, null, null));
        return [.. shipped.Concat(published).OrderBy(v => v.Key, StringComparer.Ordinal).ThenBy(v => v.Version)];
    }

    /// <summary>A version the brand sees (shipped, platform-wide or its own); null for another brand's or an unknown one.</summary>
    public async Task<WorkflowDefinition?> FindAsync(string key, int version, Guid brandId, CancellationToken cancellationToken)
    {
        if (_shipped.TryGetValue((key, version), out var shipped))
        {
            return shipped;
        }

        const string sql = "SELECT json FROM workflow_definitions WHERE key = @key AND version = @version AND (brand_id = @brandId OR brand_id IS NULL)";
        await using var connection = await _connections.OpenConnectionAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, new { key, version, brandId }, cancellationToken: cancellationToken));
        return json is null ? null : _published.GetOrParse(key, version, json);
    }

    /// <summary>How many published versions are held parsed in memory (at most <see cref="CaseOptions.DefinitionCacheSize"/>).</summary>
    public int CachedVersions => _published.Count;

    /// <summary>A pinned version; published versions never change, so the most recently read ones are kept parsed.</summary>
    public async Task<WorkflowDefinition> GetAsync(string key, int version, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (_shipped.TryGetValue((key, version), out var shipped))
        {
            return shipped;
        }

        if (_published.TryGet(key, version, out var cached))
        {
            return cached;
        }

        const string sql = "SELECT json FROM workflow_definitions WHERE key = @key AND version = @version";
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, new { key, version }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Definition {key} v{version} is pinned by a case but exists nowhere.");
        return _published.GetOrParse(key, version, json);
    }

    /// <summary>
    /// Validates <paramref name="json"/> and stores it as the key's next version (the version in the JSON is ignored).
    /// Open cases keep the version they pinned; new cases of the brand (all brands when <paramref name="brandId"/> is null) start on this one.
    /// </summary>
    public Task<PublishResult> PublishAsync(Guid? brandId, string json, string publishedBy, CancellationToken cancellationToken) =>
        PublishAsync(brandId, json, publishedBy, null, cancellationToken);

    /// <summary>
    /// As <see cref="PublishAsync(Guid?, string, string, CancellationToken)"/>, but only while the brand's current version is still
    /// <paramref name="expectedCurrentVersion"/> (0: the brand sees none yet); otherwise <see cref="DefinitionStale"/>, so a publish sent
    /// twice, or over someone else's, never stacks a second version.
    /// </summary>
    public async Task<PublishResult> PublishAsync(
        Guid? brandId, string json, string publishedBy, int? expectedCurrentVersion, CancellationToken cancellationToken)
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

            if (expectedCurrentVersion is { } expected
                && await CurrentVersionAsync(loaded.Key, brandId, connection, null, cancellationToken) is var current && current != expected)
            {
                return new DefinitionStale(loaded.Key, current);
            }

            // The condition re-checks the expectation in the insert itself: a rival publish that got in after the check above
            // either took this version number (unique violation, so number again) or left a newer version this one must not pass.
            const string sql = """
                INSERT INTO workflow_definitions (key, version, brand_id, json, published_at, published_by)
                SELECT @Key, @Version, @brandId, @json, @now, @publishedBy
                WHERE NOT EXISTS (
                    SELECT 1 FROM workflow_definitions WHERE key = @Key AND (brand_id = @brandId OR brand_id IS NULL) AND version > @expected)
                """;
            try
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition(
                    sql,
                    new
                    {
                        definition.Key,
                        definition.Version,
                        brandId,
                        json = DefinitionLoader.Save(definition),
                        now = _time.GetUtcNow(),
                        publishedBy,
                        expected = expectedCurrentVersion ?? int.MaxValue,
                    },
                    cancellationToken: cancellationToken));
                return inserted == 1
                    ? new DefinitionPublished(definition.Key, definition.Version)
                    : new DefinitionStale(definition.Key, await CurrentVersionAsync(loaded.Key, brandId, connection, null, cancellationToken));
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

    private sealed class PublishedRow
    {
        public string Key { get; init; } = "";

        public int Version { get; init; }

        public Guid? BrandId { get; init; }

        public string Json { get; init; } = "";

        public DateTimeOffset PublishedAt { get; init; }

        public string PublishedBy { get; init; } = "";
    }
}
