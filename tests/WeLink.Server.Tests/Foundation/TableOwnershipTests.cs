using System.Text.RegularExpressions;

namespace WeLink.Server.Tests.Foundation;

/// <summary>
/// One owner per table: the map is the "owns (tables)" column of docs/architecture.md, the tables are those the migrations
/// leave, and the SQL in each feature folder's code may name only its own tables. Another feature's data is reached through
/// that feature's <c>Contracts</c>.
/// </summary>
public sealed partial class TableOwnershipTests
{
    /// <summary>
    /// The one folder exempt: it runs every migration, and its leased queue runs on tables its users name (the inbox, the
    /// outbox, the timers), so it owns none and may name all.
    /// </summary>
    private const string DataFolder = "Data";

    private static readonly string Root = SampleSettingsTests.RepositoryRoot();
    private static readonly string ServerSource = Path.Combine(Root, "src", "WeLink.Server");

    [Fact]
    public void Every_table_the_migrations_leave_has_exactly_one_owning_folder()
    {
        var owners = DeclaredOwners();
        var tables = MigratedTables();
        var problems = tables
            .Select(table => (table, folders: owners.Where(o => o.Value.Contains(table)).Select(o => o.Key).ToList()))
            .Where(t => t.folders.Count != 1)
            .Select(t => t.folders.Count == 0 ? $"{t.table} has no owner" : $"{t.table} is owned by {string.Join(" and ", t.folders)}")
            .Concat(owners.SelectMany(o => o.Value.Except(tables).Select(t => $"{o.Key}/ owns {t}, which no migration creates")))
            .ToList();

        Assert.True(problems.Count == 0, "docs/architecture.md's table map and the migrations disagree:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void No_folder_names_a_table_another_folder_owns_in_its_sql()
    {
        var owners = DeclaredOwners();
        var ownerOf = owners.SelectMany(o => o.Value.Select(t => (table: t, folder: o.Key))).ToDictionary(p => p.table, p => p.folder);
        var trespasses = new List<string>();
        foreach (var file in Directory.EnumerateFiles(ServerSource, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            var relative = Path.GetRelativePath(ServerSource, file).Replace('\\', '/');
            var folder = relative.Split('/')[0];
            if (folder == DataFolder || !relative.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            trespasses.AddRange(TablesNamedIn(File.ReadAllText(file))
                .Where(t => ownerOf.TryGetValue(t, out var owner) && owner != folder)
                .Distinct()
                .Select(t => $"{folder}/ ({relative}) names {t}, which {ownerOf[t]}/ owns"));
        }

        Assert.True(trespasses.Count == 0, "SQL crosses a table owner; use the owner's Contracts instead:\n" + string.Join("\n", trespasses));
    }

    [Fact]
    public void The_scan_reads_whole_names_after_each_keyword_in_every_kind_of_string_and_skips_comments()
    {
        const string code = """"
            // Reads FROM dealers in a comment: not SQL.
            const string raw = """
                SELECT s.id FROM staff s JOIN staff_roles r ON r.staff_id = s.id
                """;
            var interpolated = $"DELETE FROM case_timers WHERE {column} = 1";
            const string plain = "INSERT INTO consumers (id) VALUES (@id)";
            const string update = "update wecom_links SET status = 'active' WHERE corp_id = @corpId";
            const string prose = "Nothing from staffing here.";
            """";

        Assert.Equal(["staff", "staff_roles", "case_timers", "consumers", "wecom_links", "staffing"], TablesNamedIn(code));
    }

    /// <summary>The folder → tables map, as docs/architecture.md's table of feature folders declares it.</summary>
    private static Dictionary<string, HashSet<string>> DeclaredOwners()
    {
        var rows = File.ReadLines(Path.Combine(Root, "docs", "architecture.md")).Select(l => FolderRow().Match(l)).Where(m => m.Success).ToList();
        Assert.NotEmpty(rows);
        return rows.ToDictionary(
            m => m.Groups["folder"].Value,
            m => Backticked().Matches(m.Groups["tables"].Value).Select(t => t.Groups[1].Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Every table some provider's migrations create and do not drop again.</summary>
    private static HashSet<string> MigratedTables()
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in Directory.EnumerateDirectories(Path.Combine(ServerSource, "Data", "Migrations")))
        {
            var left = new HashSet<string>(StringComparer.Ordinal);
            foreach (var migration in Directory.EnumerateFiles(provider, "*.sql").Order(StringComparer.Ordinal))
            {
                foreach (Match statement in TableStatement().Matches(File.ReadAllText(migration)))
                {
                    var table = statement.Groups["table"].Value.ToLowerInvariant();
                    if (statement.Groups["verb"].Value.Equals("create", StringComparison.OrdinalIgnoreCase))
                    {
                        left.Add(table);
                    }
                    else
                    {
                        left.Remove(table);
                    }
                }
            }

            tables.UnionWith(left);
        }

        Assert.NotEmpty(tables);
        return tables;
    }

    /// <summary>The identifiers after FROM, JOIN, INTO and UPDATE inside the file's string literals (raw, interpolated or plain).</summary>
    private static List<string> TablesNamedIn(string code) =>
        [.. StringLiteral().Matches(code)
            .SelectMany(literal => TableReference().Matches(literal.Value))
            .Select(reference => reference.Groups["table"].Value.ToLowerInvariant())];

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"^\| `(?<folder>\w+)/` \| (?<tables>[^|]*) \|")]
    private static partial Regex FolderRow();

    [GeneratedRegex("`([a-z_][a-z0-9_]*)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"\b(?<verb>CREATE|DROP)\s+TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?<table>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex TableStatement();

    [GeneratedRegex("\"{3,}[\\s\\S]*?\"{3,}|\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(?:FROM|JOIN|INTO|UPDATE)\s+(?<table>[A-Za-z_][A-Za-z0-9_]*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();
}
