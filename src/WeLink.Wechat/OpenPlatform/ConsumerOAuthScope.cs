namespace WeLink.Wechat.OpenPlatform;

/// <summary>Web OAuth scope for consumers: the openid only, or the profile too (asks the user).</summary>
public enum ConsumerOAuthScope
{
    SnsapiBase,
    SnsapiUserinfo,
}
