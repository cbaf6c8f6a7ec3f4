using System.Text.Json;

namespace WeLink.Wechat.Tests.Vectors;

/// <summary>The official sample vectors of protocol.md §1.9, read from protocol-vectors.json.</summary>
public static class ProtocolVectors
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> ById = new(Load);

    public static TheoryData<string> IdsOfKind(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var (id, vector) in ById.Value)
        {
            if (vector.GetProperty("kind").GetString() == kind)
            {
                data.Add(id);
            }
        }

        return data;
    }

    public static int Count => ById.Value.Count;

    public static JsonElement Get(string id) => ById.Value[id];

    public static string Field(this JsonElement vector, string name) =>
        vector.GetProperty(name).GetString() ?? throw new InvalidOperationException($"{name} is null");

    public static string? OptionalField(this JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static Dictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "protocol-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(vector => vector.Clone())
            .ToDictionary(vector => vector.GetProperty("id").GetString()!, StringComparer.Ordinal);
    }
}
