using System.Security.Claims;
using WeLink.Server.Admin.Pages;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Admin;

/// <summary>
/// Every change an admin makes to tenancy, audited whatever its outcome. The JSON API and the portal pages
/// both call these, so the rules and the audit trail are the same whichever door an admin uses.
/// Which role may call what is the endpoints' and pages' policy; the tenant is checked here again by the stores.
/// </summary>
public sealed class AdminActions(
    BrandStore brands,
    RegionStore regions,
    DealerStore dealers,
    AdminAccounts accounts,
    AdminUserStore users,
    AuditLog audit)
{
    public async Task<AdminResult<Brand>> CreateBrandAsync(ClaimsPrincipal admin, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (NameProblem(name, "品牌名称", TextLimits.Name) is { } problem)
        {
            return AdminResult.Refused<Brand>(ActionOutcome.Invalid, problem);
        }

        var brand = await brands.CreateAsync(admin.AdminScope(), name!, cancellationToken);
        var outcome = brand is null ? AuditOutcome.Conflict : AuditOutcome.Succeeded;
        await RecordAsync(admin, new AuditEvent("brand.create", "brand", brand?.Id.ToString() ?? name!.Trim(), outcome, brand?.Id), cancellationToken);
        return brand is null ? AdminResult.Refused<Brand>(ActionOutcome.Conflict, $"已有名为「{name!.Trim()}」的品牌。") : AdminResult.Done<Brand>(brand);
    }

    public async Task<AdminResult<Region>> CreateRegionAsync(ClaimsPrincipal admin, Guid brandId, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (NameProblem(name, "区域名称", TextLimits.Name) is { } problem)
        {
            return AdminResult.Refused<Region>(ActionOutcome.Invalid, problem);
        }

        var region = await regions.CreateAsync(admin.AdminScope(), brandId, name!, cancellationToken);
        var outcome = region is null ? AuditOutcome.Conflict : AuditOutcome.Succeeded;
        await RecordAsync(admin, new AuditEvent("region.create", "region", region?.Id.ToString() ?? name!.Trim(), outcome, brandId), cancellationToken);
        return region is null ? AdminResult.Refused<Region>(ActionOutcome.Conflict, $"本品牌已有名为「{name!.Trim()}」的区域。") : AdminResult.Done<Region>(region);
    }

    public async Task<AdminResult<Dealer>> CreateDealerAsync(
        ClaimsPrincipal admin, Guid brandId, string? code, string? name, Guid? regionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var scope = admin.AdminScope();
        if ((NameProblem(code, "经销商代码", TextLimits.Code) ?? NameProblem(name, "经销商名称", TextLimits.Name)) is { } problem)
        {
            return AdminResult.Refused<Dealer>(ActionOutcome.Invalid, problem);
        }

        if (regionId is { } region && await regions.FindAsync(scope, brandId, region, cancellationToken) is null)
        {
            return AdminResult.Refused<Dealer>(ActionOutcome.UnknownReference, "regionId：不是本品牌的区域。");
        }

        var dealer = await dealers.CreateAsync(scope, new NewDealer(brandId, regionId, code!, name!), cancellationToken);
        var outcome = dealer is null ? AuditOutcome.Conflict : AuditOutcome.Succeeded;
        await RecordAsync(admin, new AuditEvent("dealer.create", "dealer", dealer?.Id.ToString() ?? code!.Trim(), outcome, brandId, dealer?.Id), cancellationToken);
        return dealer is null
            ? AdminResult.Refused<Dealer>(ActionOutcome.Conflict, $"本品牌已有代码为「{code!.Trim()}」的经销商。")
            : AdminResult.Done<Dealer>(dealer);
    }

    /// <summary>Approve, suspend or reinstate a dealer that is still at <paramref name="version"/>.</summary>
    public async Task<AdminResult<Dealer>> ChangeDealerAsync(
        ClaimsPrincipal admin, Guid dealerId, DealerTransition transition, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(transition);
        var change = await dealers.ChangeAsync(admin.AdminScope(), dealerId, transition, version, cancellationToken);
        if (change.Dealer is not { } dealer)
        {
            return AdminResult.Refused<Dealer>(ActionOutcome.NotFound, "没有这家经销商。");
        }

        var (outcome, audited, problem) = change.Outcome switch
        {
            DealerChangeOutcome.Changed => (ActionOutcome.Done, AuditOutcome.Succeeded, null),
            DealerChangeOutcome.VersionConflict => (ActionOutcome.Conflict, AuditOutcome.Conflict,
                $"这家经销商在您打开页面后已被修改（现为第 {dealer.Version} 版，{PortalLabels.Status(dealer.Status)}），请刷新后重试。"),
            _ => (ActionOutcome.Conflict, AuditOutcome.Refused, $"{PortalLabels.Status(dealer.Status)}的经销商不能{PortalLabels.Button(transition)}，只有{PortalLabels.Status(transition.From)}的可以。"),
        };
        await RecordAsync(admin, new AuditEvent($"dealer.{transition.Name}", "dealer", dealerId.ToString(), audited, dealer.BrandId, dealerId, problem), cancellationToken);
        return outcome == ActionOutcome.Done ? AdminResult.Done<Dealer>(dealer) : new AdminResult<Dealer>(outcome, dealer, problem);
    }

    public async Task<AdminResult<AdminUser>> CreateAdminAsync(
        ClaimsPrincipal admin, NewAdminUser request, string? password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(request);
        var created = await accounts.CreateAsync(admin.AdminScope(), request, password ?? "", cancellationToken);
        var (outcome, audited) = created.Outcome switch
        {
            AccountCreationOutcome.Created => (ActionOutcome.Done, AuditOutcome.Succeeded),
            AccountCreationOutcome.EmailTaken => (ActionOutcome.Conflict, AuditOutcome.Conflict),
            AccountCreationOutcome.NotFound => (ActionOutcome.NotFound, AuditOutcome.Refused),
            AccountCreationOutcome.NotAllowed => (ActionOutcome.NotAllowed, AuditOutcome.Refused),
            _ => (ActionOutcome.Invalid, AuditOutcome.Refused),
        };
        var user = created.User;
        await RecordAsync(
            admin,
            new AuditEvent($"admin-user.create.{request.Role}", "admin-user", user?.Id.ToString() ?? AdminUserStore.NormalizeEmail(request.Email), audited,
                user?.BrandId ?? admin.AdminScope().BrandId, user?.DealerId, created.Problem),
            cancellationToken);
        return user is null ? AdminResult.Refused<AdminUser>(outcome, created.Problem!) : AdminResult.Done<AdminUser>(user);
    }

    /// <summary>
    /// Disables another admin: refused at sign-in from now on, and signed out of every session at its next recheck.
    /// Not found for an admin the caller may not disable (see <see cref="AdminUserStore.DisableAsync"/>), so none can be probed.
    /// </summary>
    public async Task<ActionOutcome> DisableAdminAsync(ClaimsPrincipal admin, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var scope = admin.AdminScope();
        var disabled = await users.DisableAsync(scope, userId, cancellationToken);
        await RecordAsync(
            admin,
            new AuditEvent("admin-user.disable", "admin-user", userId.ToString(), disabled ? AuditOutcome.Succeeded : AuditOutcome.Refused, scope.BrandId, scope.DealerId),
            cancellationToken);
        return disabled ? ActionOutcome.Done : ActionOutcome.NotFound;
    }

    /// <summary>The portal's forms reach here without the API's DataAnnotations, so the same limits are checked again.</summary>
    private static string? NameProblem(string? value, string what, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? $"请填写{what}。"
        : value.Trim().Length > maxLength ? $"{what}最多 {maxLength} 个字。"
        : null;

    private Task RecordAsync(ClaimsPrincipal admin, AuditEvent auditEvent, CancellationToken cancellationToken) =>
        audit.RecordAsync(AuditActor.From(admin), auditEvent, cancellationToken);
}
