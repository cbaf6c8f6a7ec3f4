namespace WeLink.Wechat.Tokens;

/// <summary>The ticket a platform pushes so its own token can be had.</summary>
public enum PlatformTicket
{
    /// <summary>The open platform's, for the component token.</summary>
    ComponentVerifyTicket,

    /// <summary>WeCom's, for the suite token.</summary>
    SuiteTicket,
}
