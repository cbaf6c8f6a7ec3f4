using System.Globalization;
using System.Text;
using WeLink.Sandbox.Api;

namespace WeLink.Sandbox.Tests.Errcodes;

/// <summary>The README's errcode table: rendered from <see cref="Refusals.All"/>, read back from between its markers.</summary>
public static class RefusalTable
{
    public const string Begin = "<!-- refusals:begin (generated from Refusals.All; RefusalTests prints it when it drifts) -->";
    public const string End = "<!-- refusals:end -->";

    public static string ReadmePath { get; } = Path.Combine(RepositoryRoot(), "src", "WeLink.Sandbox", "README.md");

    public static string Render()
    {
        var table = new StringBuilder()
            .AppendLine("| API | condition | errcode | errmsg | source |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var (_, refusal) in Refusals.All)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(refusal.Api)} | {Cell(refusal.Condition)} | {refusal.Errcode} | {Cell(refusal.Errmsg)} | {Cell(refusal.Source)} |");
        }

        return table.ToString().TrimEnd().ReplaceLineEndings("\n");
    }

    /// <summary>The text between the markers, or null when the README has none.</summary>
    public static string? Section(string readme)
    {
        var begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : readme[(begin + Begin.Length)..end].Trim().ReplaceLineEndings("\n");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WeLink.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No WeLink.sln above {AppContext.BaseDirectory}.");
    }
}
