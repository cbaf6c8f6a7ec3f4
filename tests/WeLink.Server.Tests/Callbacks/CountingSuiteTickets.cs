using WeLink.Wechat.Tokens;

namespace WeLink.Server.Tests.Callbacks;

/// <summary>Counts how often a suite ticket is saved, around the real store.</summary>
public sealed class CountingSuiteTickets(ISuiteTicketStore inner) : ISuiteTicketStore
{
    private int _saves;

    public int Saves => Volatile.Read(ref _saves);

    public Task<string?> GetAsync(string suiteId, CancellationToken cancellationToken) => inner.GetAsync(suiteId, cancellationToken);

    public Task SaveAsync(string suiteId, string ticket, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _saves);
        return inner.SaveAsync(suiteId, ticket, cancellationToken);
    }
}
