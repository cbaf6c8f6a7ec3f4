using System.Text.Json;
using Microsoft.Extensions.Options;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Hosting;

/// <summary>
/// The file that keeps the sandbox's state between runs (<see cref="SandboxOptions.StateFile"/>); without one the
/// sandbox starts afresh each time. Writes go to a temporary file that then replaces the old one, so a crash mid-write
/// leaves the previous state whole.
/// </summary>
public sealed class SandboxStateFile
{
    private readonly Lazy<SandboxState?> _saved;

    public SandboxStateFile(IOptions<SandboxOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        Path = string.IsNullOrWhiteSpace(options.Value.StateFile)
            ? null
            : System.IO.Path.GetFullPath(options.Value.StateFile, environment.ContentRootPath);
        _saved = new Lazy<SandboxState?>(Read);
    }

    /// <summary>Null when the state is kept in memory only.</summary>
    public string? Path { get; }

    /// <summary>The state the previous run left, or null on a first run (or with no file configured).</summary>
    public SandboxState? Saved => _saved.Value;

    public static byte[] Serialize(SandboxState state) =>
        JsonSerializer.SerializeToUtf8Bytes(state, SandboxStateJsonContext.Default.SandboxState);

    public async Task WriteAsync(byte[] serialized, CancellationToken cancellationToken)
    {
        if (Path is null)
        {
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        await File.WriteAllBytesAsync(temporary, serialized, cancellationToken);
        File.Move(temporary, Path, overwrite: true);
    }

    private SandboxState? Read()
    {
        if (Path is null || !File.Exists(Path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path), SandboxStateJsonContext.Default.SandboxState);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException(
                $"The sandbox state file {Path} cannot be read ({e.Message}). Delete it to start the sandbox afresh.", e);
        }
    }
}
