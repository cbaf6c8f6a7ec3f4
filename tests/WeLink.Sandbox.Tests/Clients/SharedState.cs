using Microsoft.Extensions.Time.Testing;
using WeLink.Wechat.Tokens;

namespace WeLink.Sandbox.Tests.Clients;

/// <summary>
/// What WeLink nodes share in production (Redis cache and lock, database stores), in memory, plus the
/// test's view of the wire. WeLink's token cache runs on its own fake clock, apart from the sandbox's.
/// </summary>
public sealed class SharedState
{
    public SharedState()
    {
        Cache = new InMemoryTokenCache(Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    public InMemoryTokenCache Cache { get; }

    public InMemoryDistributedLock Lock { get; } = new();

    public InMemoryCredentialStore Store { get; } = new();

    public WireRecorder Wire { get; } = new();

    public LogRecorder Logs { get; } = new();
}
