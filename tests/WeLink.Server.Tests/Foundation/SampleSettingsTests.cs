using System.Reflection;
using System.Text.Json;
using WeLink.Server.Hosting;

namespace WeLink.Server.Tests.Foundation;

/// <summary>appsettings.sample.json must list every setting of every options class, so it never drifts.</summary>
public sealed class SampleSettingsTests
{
    private static readonly string[] ExtraKeys = ["ConnectionStrings:WeLink", "ConnectionStrings:Redis"];

    [Fact]
    public void Every_options_property_appears_in_the_sample_settings()
    {
        var sampleKeys = FlattenSample(Path.Combine(RepositoryRoot(), "appsettings.sample.json"));

        var expected = OptionsTypes()
            .SelectMany(t => SettingKeys(t, (string)t.GetField("SectionName")!.GetValue(null)!))
            .Concat(ExtraKeys)
            .ToList();
        var missing = expected.Where(k => !sampleKeys.Contains(k)).ToList();

        Assert.NotEmpty(expected);
        Assert.True(missing.Count == 0, "appsettings.sample.json lacks: " + string.Join(", ", missing));
    }

    private static IEnumerable<Type> OptionsTypes() =>
        new[] { typeof(WeLinkApp).Assembly }
            .Concat(typeof(WeLinkApp).Assembly.GetReferencedAssemblies()
                .Where(a => a.Name!.StartsWith("WeLink.", StringComparison.Ordinal))
                .Select(Assembly.Load))
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    private static IEnumerable<string> SettingKeys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsLeaf(propertyType))
            {
                yield return key;
            }
            else
            {
                foreach (var nested in SettingKeys(propertyType, key))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(Uri) || type == typeof(DateTimeOffset) || type.IsArray
        || (type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type));

    private static HashSet<string> FlattenSample(string path)
    {
        using var document = JsonDocument.Parse(
            File.ReadAllText(path),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Flatten(document.RootElement, null, keys);
        return keys;
    }

    private static void Flatten(JsonElement element, string? prefix, HashSet<string> keys)
    {
        if (prefix is not null)
        {
            keys.Add(prefix);
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", keys);
            }
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WeLink.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("WeLink.sln not found above " + AppContext.BaseDirectory);
    }
}
