namespace WeLink.Sandbox.Credentials;

public enum TokenKind
{
    ComponentAccessToken,
    AuthorizerAccessToken,
    SuiteAccessToken,
    CorpAccessToken,
    OAuthAccessToken,
    OAuthRefreshToken,

    /// <summary>A corp's JS-SDK ticket (get_jsapi_ticket), issued for the corp token's corp; kept with the tokens since it lives like one.</summary>
    CorpJsapiTicket,

    /// <summary>The app's JS-SDK ticket in a corp (ticket/get?type=agent_config).</summary>
    AgentConfigTicket,
}
