namespace WeLink.Sandbox.Credentials;

/// <summary>An account's grant to the component; the refresh token is the long-lived key.</summary>
public sealed record Authorization(
    string AuthorizerAppId,
    string RefreshToken,
    IReadOnlyList<int> FuncScopes,
    DateTimeOffset AuthorizedAt,
    bool Active);

/// <summary>A corp's install of the suite.</summary>
public sealed record Installation(
    string CorpId,
    string PermanentCode,
    int AgentId,
    string AdminUserId,
    string State,
    DateTimeOffset InstalledAt,
    bool Active);
