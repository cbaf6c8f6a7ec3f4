using System.Reflection;
using DbUp.Engine;
using DbUp.Engine.Transactions;

namespace WeLink.Server.Data;

/// <summary>
/// Feeds Quartz.NET's own schema script (embedded in the Quartz assembly, the one its job store would
/// run under <c>SchemaProvisioning.CreateIfMissing</c>) through our migrations, so Quartz's tables are
/// created and journaled like ours instead of by whichever node happens to start first. The script
/// creates only what is missing, so it is also safe on a database Quartz provisioned itself.
/// </summary>
public sealed class QuartzSchemaScriptProvider(DatabaseProvider provider) : IScriptProvider
{
    /// <summary>Quartz's default table prefix; both placeholders of the script take it (no schema qualifier).</summary>
    private const string TablePrefix = "QRTZ_";

    public IEnumerable<SqlScript> GetScripts(IConnectionManager connectionManager)
    {
        var (folder, resource) = provider == DatabaseProvider.Postgres
            ? ("Postgres", "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql")
            : ("Sqlite", "Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql");
        var quartz = typeof(Quartz.IJob).Assembly;
        using var stream = quartz.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Quartz {quartz.GetName().Version} no longer embeds {resource}.");
        using var reader = new StreamReader(stream);
        var script = Terminate(reader.ReadToEnd())
            .Replace("{0}", TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", TablePrefix, StringComparison.Ordinal);

        // Named to sort between our own 0001 and 0003 scripts, like an embedded script of the same folder.
        var name = $"{typeof(QuartzSchemaScriptProvider).Namespace}.Migrations.{folder}.0002_quartz_schema_{QuartzMajorMinor(quartz)}.sql";
        yield return new SqlScript(name, script);
    }

    /// <summary>
    /// Quartz runs each '--;;'-separated piece as its own command, so a piece may end without ';'
    /// (SQLite's CREATE TRIGGER … END). DbUp runs the script as one command, so every piece gets its ';'.
    /// </summary>
    private static string Terminate(string script) => string.Join(
        '\n',
        script.ReplaceLineEndings("\n").Split("\n--;;\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(piece => piece.EndsWith(';') || IsOnlyComments(piece) ? piece : piece + ";"));

    private static bool IsOnlyComments(string piece) =>
        piece.Split('\n').All(line => line.TrimStart().StartsWith("--", StringComparison.Ordinal) || line.Trim().Length == 0);

    private static string QuartzMajorMinor(Assembly quartz)
    {
        var version = quartz.GetName().Version!;
        return $"{version.Major}_{version.Minor}";
    }
}
