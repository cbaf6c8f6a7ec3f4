namespace WeLink.Sandbox.Credentials;

public enum TokenStatus
{
    Valid,
    Missing,
    Unknown,
    WrongKind,

    /// <summary>A newer token was issued more than five minutes ago.</summary>
    Replaced,
    Expired,
}

public sealed record TokenCheck(TokenStatus Status, IssuedToken? Token)
{
    public bool IsValid => Status == TokenStatus.Valid;

    /// <summary>The token's subject; only meaningful when <see cref="IsValid"/>.</summary>
    public string Subject => Token?.Subject ?? "";
}
