namespace WeLink.Wechat.Tokens;

/// <summary>
/// Durable home of the latest suite_ticket per suite id (pushed every ~10 minutes, valid 30 min).
/// Shared by all nodes: without it no suite token.
/// </summary>
public interface ISuiteTicketStore
{
    Task<string?> GetAsync(string suiteId, CancellationToken cancellationToken);

    Task SaveAsync(string suiteId, string ticket, CancellationToken cancellationToken);
}
