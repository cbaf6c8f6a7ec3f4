using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.Wechat;
using WeLink.Sandbox.Wecom;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Flows;

public sealed record ComponentApproval(string AuthCode, int ExpiresIn, string InfoType, long PushId);

public sealed record InstallApproval(string AuthCode, int ExpiresIn, string State, long PushId);

/// <summary>
/// What people do on the platforms' pages: a merchant approves the component, a corp admin installs
/// the suite, a consumer or staff member consents to OAuth. Shared by the control API and the pages.
/// </summary>
public sealed class AuthorizationFlows(SandboxWorld world, SandboxCredentials credentials, SandboxPushes pushes)
{
    /// <summary>The merchant approves the component for an account; <paramref name="funcScopes"/> are the permission sets left ticked (null: all).</summary>
    public ComponentApproval ApproveComponent(string? preAuthCode, string appId, IReadOnlyList<int>? funcScopes = null)
    {
        var account = world.FindAccount(appId) ?? throw new WorldException($"No account with appid '{appId}'.");
        if (credentials.PreAuthCodes.Redeem(preAuthCode).Status != CodeStatus.Redeemed)
        {
            throw new WorldException("The pre_auth_code is unknown, used or expired; ask WeLink for a new authorization link.");
        }

        var infoType = credentials.Grants.FindAuthorization(account.AppId) is { Active: true } ? "updateauthorized" : "authorized";
        credentials.Grants.Authorize(account.AppId, funcScopes);
        var lifetime = ComponentEndpoints.AuthorizationCodeLifetime;
        var authCode = credentials.AuthorizationCodes.Issue(new AuthorizationGrant(account.AppId), lifetime, 48, "queryauthcode@@@");
        var push = pushes.PushAuthorizationEvent(infoType, account.AppId, authCode, preAuthCode);
        return new ComponentApproval(authCode, (int)lifetime.TotalSeconds, infoType, push.Id);
    }

    /// <summary>An authorization event on demand, as if the merchant had just acted in the WeChat admin console.</summary>
    public PushRecord PushAuthorizationEvent(string appId, string infoType)
    {
        if (infoType == "unauthorized")
        {
            return RevokeComponent(appId);
        }

        if (infoType is not ("authorized" or "updateauthorized"))
        {
            throw new WorldException("info_type must be authorized, updateauthorized or unauthorized.");
        }

        var account = world.FindAccount(appId) ?? throw new WorldException($"No account with appid '{appId}'.");
        credentials.Grants.Authorize(account.AppId);
        var authCode = credentials.AuthorizationCodes.Issue(
            new AuthorizationGrant(account.AppId), ComponentEndpoints.AuthorizationCodeLifetime, 48, "queryauthcode@@@");
        return pushes.PushAuthorizationEvent(infoType, account.AppId, authCode, preAuthCode: null);
    }

    public PushRecord RevokeComponent(string appId)
    {
        if (credentials.Grants.Unauthorize(appId) is null)
        {
            throw new WorldException($"Account '{appId}' never authorized the component.");
        }

        credentials.Tokens.Revoke(TokenKind.AuthorizerAccessToken, appId);
        return pushes.PushAuthorizationEvent("unauthorized", appId, null, null);
    }

    public InstallApproval ApproveInstall(string? preAuthCode, string corpId, string? state)
    {
        var corp = world.FindCorp(corpId) ?? throw new WorldException($"No corp with corpid '{corpId}'.");
        if (credentials.SuitePreAuthCodes.Redeem(preAuthCode).Status != CodeStatus.Redeemed)
        {
            throw new WorldException("The pre_auth_code is unknown, used or expired; ask WeLink for a new install link.");
        }

        var staff = world.StaffOf(corp.CorpId);
        var admin = staff.Count > 0 ? staff[0] : throw new WorldException($"Corp '{corpId}' has no staff to act as admin.");
        state ??= "";
        credentials.Grants.Install(corp.CorpId, corp.AgentId, admin.UserId, state);
        var lifetime = SuiteEndpoints.InstallCodeLifetime;
        var authCode = credentials.InstallCodes.Issue(new InstallGrant(corp.CorpId, state), lifetime);
        var push = pushes.PushCreateAuth(authCode, state);
        return new InstallApproval(authCode, (int)lifetime.TotalSeconds, state, push.Id);
    }

    public PushRecord Uninstall(string corpId)
    {
        if (credentials.Grants.Uninstall(corpId) is null)
        {
            throw new WorldException($"Corp '{corpId}' never installed the suite.");
        }

        credentials.Tokens.Revoke(TokenKind.CorpAccessToken, corpId);
        credentials.Tokens.Revoke(TokenKind.CorpJsapiTicket, corpId);
        credentials.Tokens.Revoke(TokenKind.AgentConfigTicket, corpId);
        return pushes.PushCorpAuthChange("cancel_auth", corpId);
    }

    public PushRecord ChangeAuth(string corpId) =>
        credentials.Grants.FindInstallation(corpId) is { Active: true }
            ? pushes.PushCorpAuthChange("change_auth", corpId)
            : throw new WorldException($"Corp '{corpId}' has not installed the suite.");

    /// <summary>The consumer taps "allow" on the account's OAuth page; the code goes to WeLink's redirect_uri.</summary>
    public string ConsentConsumer(string consumerId, string appId, string scope)
    {
        RequireScope(scope, "snsapi_base", "snsapi_userinfo");
        if (credentials.Grants.FindAuthorization(appId) is not { Active: true })
        {
            throw new WorldException($"Account '{appId}' has not authorized the component, so the component cannot run OAuth for it.");
        }

        world.IdentityOf(appId, consumerId);
        return credentials.ConsumerOAuthCodes.Issue(new ConsumerOAuthGrant(appId, consumerId, scope), OAuthEndpoints.CodeLifetime, 32);
    }

    /// <summary>The staff member opens the WeCom app, which runs OAuth silently.</summary>
    public string OpenAppAsStaff(string corpId, string userId, string scope)
    {
        RequireScope(scope, "snsapi_base", "snsapi_privateinfo");
        if (world.FindStaff(corpId, userId) is null)
        {
            throw new WorldException($"Corp '{corpId}' has no staff member '{userId}'.");
        }

        return credentials.StaffOAuthCodes.Issue(new StaffOAuthGrant(corpId, userId, scope), SuiteEndpoints.OAuthCodeLifetime, 32);
    }

    private static void RequireScope(string scope, params string[] allowed)
    {
        if (!allowed.Contains(scope))
        {
            throw new WorldException($"scope must be one of {string.Join(", ", allowed)}.");
        }
    }
}
