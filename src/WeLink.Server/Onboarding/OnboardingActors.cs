using System.Security.Claims;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Onboarding;

/// <summary>
/// Who the audit log names for onboarding's acts: the HQ admin who asked (the redirect and the push carry no session),
/// WeChat when an account's administrator acted there, or WeLink itself.
/// </summary>
public static class OnboardingActors
{
    public const string WeChat = "wechat";

    /// <summary>WeLink acting on its own after a dealer's authorization (binding the account to the brand's open-platform account).</summary>
    public static ClaimsPrincipal WeLink { get; } = Of(null, "welink");

    public static ClaimsPrincipal Of(Guid? adminId, string email) =>
        new(new ClaimsIdentity(adminId is { } id
            ? [new Claim(WeLinkClaims.SubjectId, id.ToString()), new Claim(WeLinkClaims.Email, email)]
            : [new Claim(WeLinkClaims.Email, email)]));
}
