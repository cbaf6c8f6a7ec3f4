namespace WeLink.Sandbox.Credentials;

/// <summary>A component pre-auth code; the account kinds offered come from the link's auth_type and biz_appid.</summary>
public sealed record PreAuthGrant;

/// <summary>What a component authorization code stands for.</summary>
public sealed record AuthorizationGrant(string AuthorizerAppId);

/// <summary>A WeCom pre-auth code; set_session_info changes its auth_type before the install link is shown.</summary>
public sealed class SuitePreAuthGrant
{
    public int AuthType { get; set; }
}

/// <summary>What a WeCom install auth code stands for.</summary>
public sealed record InstallGrant(string CorpId, string State);

/// <summary>A consumer's consent on an official account's web OAuth page.</summary>
public sealed record ConsumerOAuthGrant(string AppId, string ConsumerId, string Scope);

/// <summary>What wx.login returned on a consumer's phone in a mini program: one jscode2session for that mini program.</summary>
public sealed record MiniProgramLoginGrant(string AppId, string ConsumerId);

/// <summary>The code a mini program's getPhoneNumber button gave: one getuserphonenumber for that mini program and consumer.</summary>
public sealed record PhoneNumberGrant(string AppId, string ConsumerId);

/// <summary>A staff member opening the WeCom app.</summary>
public sealed record StaffOAuthGrant(string CorpId, string UserId, string Scope);

/// <summary>The response_code of an interactive template card, usable once to update it.</summary>
public sealed record CardResponseGrant(string CorpId, string MessageId);
