using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Calendars.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Pages.Dealers;

/// <summary>
/// One dealer: status with HQ's approve / suspend / reinstate buttons, its WeChat and WeCom links (and a notice while no
/// staff member holds a role, since work then waits unseen), its admins, and its business hours (which any admin who
/// reaches the dealer may change, as through the API).
/// </summary>
public sealed class DealerDetailModel(
    DealerStore dealers,
    BrandStore brands,
    AdminUserStore users,
    IDealerLinks links,
    IOpenPlatformBindings openPlatform,
    IDealerStaffRoles staffRoles,
    AdminActions actions,
    IDealerHoursForms hours) : PortalPageModel
{
    [FromRoute]
    public Guid DealerId { get; set; }

    public Dealer Dealer { get; private set; } = null!;

    public Brand Brand { get; private set; } = null!;

    public DealerLinkState Links { get; private set; } = null!;

    /// <summary>The linked official account's open-platform binding; null before WeLink looked, or with no account linked.</summary>
    public OpenPlatformBinding? OpenPlatform { get; private set; }

    public DealerStaffRoles StaffRoles { get; private set; } = null!;

    public IReadOnlyList<AdminUser> Admins { get; private set; } = [];

    public DealerHoursForm Hours { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await dealers.FindAsync(Scope, DealerId, cancellationToken) is not { } dealer
            || await brands.FindAsync(Scope, dealer.BrandId, cancellationToken) is not { } brand)
        {
            return NotFound();
        }

        Dealer = dealer;
        Brand = brand;
        Links = await links.GetAsync(DealerId, cancellationToken);
        OpenPlatform = Links.OfficialAccount.SubjectId is { } appId ? await openPlatform.FindAsync(appId, cancellationToken) : null;
        StaffRoles = await staffRoles.SummarizeAsync(DealerId, cancellationToken);
        Admins = [.. (await users.ListAsync(Scope, cancellationToken)).Where(u => u.DealerId == DealerId)];
        Hours = (await hours.FindAsync(User, DealerId, cancellationToken))!;
        return Page();
    }

    /// <summary>Replaces the business hours; every problem of the form is shown at once, as the API names them.</summary>
    public async Task<IActionResult> OnPostCalendarAsync(string? timeZone, string? holidays, string? workingDays, int version, CancellationToken cancellationToken)
    {
        var week = CalendarFormText.Weekdays.ToDictionary(d => d, d => Request.Form[d].ToString());
        var form = new CalendarFormText(timeZone ?? "", week, holidays ?? "", workingDays ?? "");
        Report(await hours.SaveAsync(User, DealerId, form, version, cancellationToken), "营业时间已保存。");
        return RedirectToPage();
    }

    [HandlerPolicy(WeLinkPolicies.HqAdmin)]
    public async Task<IActionResult> OnPostChangeAsync(string? transition, int version, CancellationToken cancellationToken)
    {
        if (DealerTransition.All.FirstOrDefault(t => t.Name == transition) is not { } chosen)
        {
            return BadRequest();
        }

        var result = await actions.ChangeDealerAsync(User, DealerId, chosen, version, cancellationToken);
        Report(result, PortalLabels.Done(chosen));
        return RedirectToPage();
    }

    /// <summary>
    /// HQ removes one side's link after the dealer's account or corp really changed, so that re-authorizing links afresh;
    /// the form's box must be ticked to confirm. Audited by Onboarding.
    /// </summary>
    [HandlerPolicy(WeLinkPolicies.HqAdmin)]
    public async Task<IActionResult> OnPostUnlinkAsync(string? side, bool confirm, CancellationToken cancellationToken)
    {
        if (LinkSideView.SideOf(side) is not { } chosen)
        {
            return BadRequest();
        }

        if (!confirm)
        {
            FlashProblem = "请勾选确认后再解除绑定。";
            return RedirectToPage();
        }

        if (await links.UnlinkAsync(User, DealerId, chosen, cancellationToken) is { } removed)
        {
            Flash = $"已解除 {removed.SubjectName}（{removed.SubjectId}）的绑定；重新授权即可绑定新的账号。";
        }
        else
        {
            FlashProblem = "该渠道没有可解除的绑定。";
        }

        return RedirectToPage();
    }

    /// <summary>HQ's 重新绑定: WeLink binds the dealer's linked official account to the brand's open-platform account again (audited by Onboarding).</summary>
    [HandlerPolicy(WeLinkPolicies.HqAdmin)]
    public async Task<IActionResult> OnPostRebindOpenPlatformAsync(CancellationToken cancellationToken)
    {
        if (await dealers.FindAsync(Scope, DealerId, cancellationToken) is not { } dealer)
        {
            return NotFound();
        }

        if ((await links.GetAsync(DealerId, cancellationToken)).OfficialAccount is not { Status: LinkStatus.Active or LinkStatus.Suspended, SubjectId: { } appId })
        {
            FlashProblem = "本经销商还没有关联公众号，请先授权公众号。";
            return RedirectToPage();
        }

        ReportBinding(await openPlatform.RetryAsync(User, new OpenPlatformAccount(appId, dealer.BrandId, DealerId), cancellationToken));
        return RedirectToPage();
    }

    [HandlerPolicy(WeLinkPolicies.HqAdmin)]
    public async Task<IActionResult> OnPostCreateAdminAsync(string? email, string? displayName, string? password, CancellationToken cancellationToken)
    {
        var request = new NewAdminUser(email ?? "", displayName ?? "", AdminRoles.Dealer, null, DealerId);
        Report(await actions.CreateAdminAsync(User, request, password, cancellationToken), $"已添加经销商管理员 {email}。");
        return RedirectToPage();
    }
}
