using Microsoft.Extensions.Options;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Hosting;

/// <summary>
/// Writes the sandbox's state to its file whenever it changed, checked every <see cref="SandboxOptions.StateSaveInterval"/>
/// and once more on shutdown. Comparing the serialized bytes keeps every book free of change tracking; the world of a
/// local run is a few hundred KB at most.
/// </summary>
public sealed partial class SandboxStatePersistence(
    SandboxStateFile file,
    SandboxClock clock,
    SandboxWorld world,
    SandboxCredentials credentials,
    MessageLog messages,
    IOptions<SandboxOptions> options,
    ILogger<SandboxStatePersistence> logger) : BackgroundService
{
    private byte[] _written = [];

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (file.Path is not null)
        {
            await SaveIfChangedAsync(CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (file.Path is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.StateSaveInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await SaveIfChangedAsync(stoppingToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogSaveFailed(file.Path, e);
            }
        }
    }

    private async Task SaveIfChangedAsync(CancellationToken cancellationToken)
    {
        var serialized = SandboxStateFile.Serialize(
            new SandboxState(clock.Offset, world.Export(), credentials.Export(), messages.All()));
        if (serialized.AsSpan().SequenceEqual(_written))
        {
            return;
        }

        await file.WriteAsync(serialized, cancellationToken);
        _written = serialized;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the sandbox state to {Path} failed; trying again on the next change")]
    private partial void LogSaveFailed(string path, Exception exception);
}
