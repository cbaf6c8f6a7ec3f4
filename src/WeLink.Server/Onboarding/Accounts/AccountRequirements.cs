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
        [1] = "消息管理",
        [2] = "用户管理",
        [4] = "网页授权",
        [7] = "群发与通知（模板消息）",
    };

    /// <summary>Null when the account may be bound; otherwise the reason, in words the dealer admin can act on.</summary>
    public static string? RefusalFor(AuthorizerInfo account, IReadOnlyCollection<int> grantedPermissionSets)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(grantedPermissionSets);
        if (account.MiniProgramInfo is not null)
        {
            return $"「{account.NickName}」是小程序，不是公众号。经销商使用自己的服务号；品牌的小程序由总部在品牌页授权。";
        }

        if (account.ServiceTypeInfo?.Id != ServiceAccountType)
        {
            return $"「{account.NickName}」是订阅号。WeLink 需要经销商的服务号：订阅号不能发送经销商所需的通知和客服消息。";
        }

        if (account.VerifyTypeInfo is null || account.VerifyTypeInfo.Id == Unverified)
        {
            return $"「{account.NickName}」尚未完成微信认证。模板消息需要已认证的服务号：请完成微信认证后重新授权。";
        }

        var missing = RequiredPermissionSets.Where(p => !grantedPermissionSets.Contains(p.Key)).Select(p => $"{p.Value}（{p.Key}）").ToList();
        return missing.Count == 0
            ? null
            : $"「{account.NickName}」没有授予 WeLink 所需的权限集：{string.Join("、", missing)}。请重新授权并保持这些权限勾选。";
    }
}
