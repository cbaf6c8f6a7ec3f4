using Microsoft.Extensions.Caching.Memory;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Definitions;

/// <summary>
/// Published definition versions already parsed, at most <see cref="CaseOptions.DefinitionCacheSize"/> of them: versions
/// never change once published, but every brand's every publish adds one, and open cases stay pinned to old ones for
/// months, so keeping all of them would grow without bound. The versions read least lately go first; one read again after
/// that is parsed again from the database.
/// </summary>
public sealed class PublishedDefinitionCache : IDisposable
{
    private static readonly MemoryCacheEntryOptions OneSlot = new() { Size = 1 };

    private readonly MemoryCache _cache;

    public PublishedDefinitionCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
    }

    /// <summary>How many versions are held now; never more than the capacity.</summary>
    public int Count => _cache.Count;

    public bool TryGet(string key, int version, out WorkflowDefinition definition) =>
        _cache.TryGetValue((key, version), out definition!);

    /// <summary>The cached version, or <paramref name="json"/> parsed and cached (when the cache is full, parsed all the same).</summary>
    public WorkflowDefinition GetOrParse(string key, int version, string json)
    {
        if (TryGet(key, version, out var cached))
        {
            return cached;
        }

        var definition = DefinitionLoader.Load(json);
        _cache.Set((key, version), definition, OneSlot);
        return definition;
    }

    public void Dispose() => _cache.Dispose();
}
