namespace WeLink.Sandbox.Credentials;

public enum TokenKind
{
    ComponentAccessToken,
    AuthorizerAccessToken,
    SuiteAccessToken,
    CorpAccessToken,
    OAuthAccessToken,
    OAuthRefreshToken,
}
