using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tenancy;

/// <summary>
/// Creates admin users under the hierarchy's rule: a platform admin creates platform and HQ admins (and may
/// create dealer admins); an HQ admin creates dealer admins for its own brand's dealers; a dealer admin creates nobody.
/// </summary>
public sealed class AdminAccounts(AdminUserStore users, AdminPasswords passwords, DealerStore dealers, BrandStore brands)
{
    public async Task<AccountCreation> CreateAsync(TenantScope creator, NewAdminUser request, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creator);
        ArgumentNullException.ThrowIfNull(request);
        if (AdminPasswords.Problem(password) is { } weak)
        {
            return AccountCreation.Invalid(weak);
        }

        if (!request.Email.Contains('@', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(request.DisplayName))
        {
            return AccountCreation.Invalid("管理员需要邮箱地址和姓名。");
        }

        if (request.Email.Length > TextLimits.Email || request.DisplayName.Length > TextLimits.Name)
        {
            return AccountCreation.Invalid($"邮箱地址最多 {TextLimits.Email} 个字符，姓名最多 {TextLimits.Name} 个字。");
        }

        var (placed, refusal) = await PlaceAsync(creator, request, cancellationToken);
        if (placed is null)
        {
            return refusal!;
        }

        var user = await users.CreateAsync(placed, passwords.Hash(password), cancellationToken);
        return user is null ? new AccountCreation(AccountCreationOutcome.EmailTaken, null, "已有使用这个邮箱的管理员。") : AccountCreation.Of(user);
    }

    /// <summary>Checks the creator may create this role at this place, and fills in the brand of a dealer admin.</summary>
    private async Task<(NewAdminUser? Placed, AccountCreation? Refusal)> PlaceAsync(TenantScope creator, NewAdminUser request, CancellationToken cancellationToken)
    {
        switch (request.Role)
        {
            case AdminRoles.Platform when creator.IsPlatform:
                return (request with { BrandId = null, DealerId = null }, null);
            case AdminRoles.Hq when creator.IsPlatform && request.BrandId is { } brandId:
                return await brands.FindAsync(creator, brandId, cancellationToken) is null
                    ? (null, AccountCreation.NotFound)
                    : (request with { DealerId = null }, null);
            case AdminRoles.Dealer when creator.DealerId is null && request.DealerId is { } dealerId:
                var dealer = await dealers.FindAsync(creator, dealerId, cancellationToken);
                return dealer is null ? (null, AccountCreation.NotFound) : (request with { BrandId = dealer.BrandId }, null);
            case AdminRoles.Platform or AdminRoles.Hq or AdminRoles.Dealer:
                return (null, new AccountCreation(AccountCreationOutcome.NotAllowed, null, $"您不能在这里创建 {request.Role} 管理员。"));
            default:
                return (null, AccountCreation.Invalid($"未知角色「{request.Role}」。"));
        }
    }
}

public enum AccountCreationOutcome
{
    Created,
    Invalid,
    NotAllowed,
    NotFound,
    EmailTaken,
}

public sealed record AccountCreation(AccountCreationOutcome Outcome, AdminUser? User, string? Problem)
{
    public static AccountCreation NotFound { get; } = new(AccountCreationOutcome.NotFound, null, "没有这个品牌或经销商。");

    public static AccountCreation Invalid(string problem) => new(AccountCreationOutcome.Invalid, null, problem);

    public static AccountCreation Of(AdminUser user) => new(AccountCreationOutcome.Created, user, null);
}
