using WeLink.Wechat.OpenPlatform.Models;

namespace WeLink.Server.Onboarding.Accounts;

/// <summary>
/// What an official account must be before a dealer can run on it (docs/domain.md, "Tenancy"): a verified
/// service account that granted the permission sets WeLink calls with.
/// </summary>
public static class AccountRequirements
{
    /// <summary>service_type_info.id of a service account; 0 and 1 are subscription accounts.</summary>
    private const int ServiceAccountType = 2;

    /// <summary>verify_type_info.id -1: not verified.</summary>
    private const int Unverified = -1;

    /// <summary>
    /// funcscope_category ids: 1 message management (receiving and answering messages, customer-service
    /// messages), 2 user management (follower profiles), 4 web authorization (consumer OAuth for the H5 pages),
    /// 7 mass sending and notifications (template messages).
    /// </summary>
    public static IReadOnlyDictionary<int, string> RequiredPermissionSets { get; } = new Dictionary<int, string>
    {
        [1] = "message management",
        [2] = "user management",
        [4] = "web authorization",
        [7] = "template messages (mass sending and notifications)",
    };

    /// <summary>Null when the account may be bound; otherwise the reason, in words the dealer admin can act on.</summary>
    public static string? RefusalFor(AuthorizerInfo account, IReadOnlyCollection<int> grantedPermissionSets)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(grantedPermissionSets);
        if (account.MiniProgramInfo is not null)
        {
            return $"{account.NickName} is a mini program, not an official account. A dealer runs on its service account (服务号); "
                + "the brand's mini program is authorized by HQ from the brand page.";
        }

        if (account.ServiceTypeInfo?.Id != ServiceAccountType)
        {
            return $"{account.NickName} is a subscription account. WeLink needs the dealer's service account (服务号): "
                + "a subscription account cannot send the notifications and customer-service messages dealers rely on.";
        }

        if (account.VerifyTypeInfo is null || account.VerifyTypeInfo.Id == Unverified)
        {
            return $"{account.NickName} is not verified. Template messages need a verified service account: "
                + "complete WeChat verification (微信认证) and authorize again.";
        }

        var missing = RequiredPermissionSets.Where(p => !grantedPermissionSets.Contains(p.Key)).Select(p => $"{p.Value} ({p.Key})").ToList();
        return missing.Count == 0
            ? null
            : $"{account.NickName} did not grant the permission sets WeLink needs: {string.Join(", ", missing)}. "
                + "Authorize again and leave them ticked.";
    }
}
