using System.Reflection;

namespace WeLink.Server.Cases.Definitions;

/// <summary>A definition version that ships with WeLink as a JSON file; register it with <c>AddShippedDefinition</c>.</summary>
public sealed record ShippedDefinition(string Json)
{
    /// <summary>Reads an embedded resource whose name ends with <paramref name="nameSuffix"/> (e.g. <c>complaint.v1.json</c>).</summary>
    public static ShippedDefinition FromEmbeddedResource(Assembly assembly, string nameSuffix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(nameSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} embeds no resource ending in '{nameSuffix}'.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return new ShippedDefinition(reader.ReadToEnd());
    }
}
