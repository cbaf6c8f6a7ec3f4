using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using WeLink.Server.Platform.Contracts;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.OpenPlatform.Models;

namespace WeLink.Server.Onboarding;

/// <summary>What WeChat says about an authorizer once its authorization code is exchanged.</summary>
public sealed record ComponentGrant(AuthorizationInfo Authorization, AuthorizerInfo Authorizer)
{
    public string AppId => Authorization.AuthorizerAppid;
}

/// <summary>
/// The steps of WeChat's component authorization that the dealers' official accounts and the brand's mini program
/// share: the pre-auth code and WeChat's page for it, and the authorization code's exchange for the authorizer and
/// its refresh token. What each flow checks and binds stays with the flow.
/// </summary>
public sealed class ComponentAuthorization(ComponentClient component, ComponentPageUrls pages, IAuthorizerSecrets secrets)
{
    public async Task<string> CreatePreAuthCodeAsync(CancellationToken cancellationToken) =>
        (await component.CreatePreAuthCodeAsync(cancellationToken)).PreAuthCode;

    /// <summary>The PC page (a QR code the admin scans) or the mobile page inside WeChat.</summary>
    public Uri PageFor(string preAuthCode, Uri redirect, ComponentAuthType authType, bool mobile) =>
        mobile ? pages.MobileAuthorization(preAuthCode, redirect, authType) : pages.PcAuthorization(preAuthCode, redirect, authType);

    public async Task<ComponentGrant> ExchangeAsync(string authCode, CancellationToken cancellationToken)
    {
        var authorization = (await component.QueryAuthAsync(authCode, cancellationToken)).AuthorizationInfo;
        var authorizer = (await component.GetAuthorizerInfoAsync(authorization.AuthorizerAppid, cancellationToken)).AuthorizerInfo;
        return new ComponentGrant(authorization, authorizer);
    }

    /// <summary>
    /// Every exchange rotates the authorizer's refresh token, so whoever already runs on the authorizer needs the new
    /// one even when this authorization is refused.
    /// </summary>
    public async Task KeepRefreshTokenAsync(ComponentGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (!string.IsNullOrEmpty(grant.Authorization.AuthorizerRefreshToken))
        {
            await secrets.SaveRefreshTokenAsync(grant.AppId, grant.Authorization.AuthorizerRefreshToken, cancellationToken);
        }
    }

    /// <summary>The value WeLink protected into its redirect, or null when it is missing or was not WeLink's.</summary>
    public static string? Unprotect(IDataProtector protector, string? protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protector);
        if (string.IsNullOrEmpty(protectedValue))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(protectedValue);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
