namespace WeLink.Server.Platform;

/// <summary>What a row of <c>platform_secrets</c> holds; the value is stored as text in the kind column.</summary>
public static class PlatformSecretKind
{
    public const string ComponentVerifyTicket = "component_verify_ticket";
    public const string SuiteTicket = "suite_ticket";
    public const string AuthorizerRefreshToken = "authorizer_refresh_token";
    public const string PermanentCode = "permanent_code";
}
