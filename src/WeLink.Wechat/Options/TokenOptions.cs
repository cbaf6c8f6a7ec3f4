namespace WeLink.Wechat.Options;

/// <summary>The <c>WeChat:Tokens</c> section; it governs every access token, WeCom's included.</summary>
public sealed class TokenOptions
{
    /// <summary>How long before its expiry a token is fetched anew. WeChat keeps the old one valid 5 minutes after a refresh.</summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the refresh lock lives if its holder dies; longer than one token request with its retries.</summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a caller waits for another node's refresh before giving up.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(30);
}
