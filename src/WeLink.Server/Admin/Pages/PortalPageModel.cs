using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Pages;

/// <summary>What every signed-in portal page knows: the admin's scope and role, and a one-line flash message.</summary>
public abstract class PortalPageModel : PageModel
{
    [TempData]
    public string? Flash { get; set; }

    [TempData]
    public string? FlashProblem { get; set; }

    public TenantScope Scope => User.AdminScope();

    public bool IsPlatform => Scope.IsPlatform;

    /// <summary>A platform or HQ admin: may create dealers and approve, suspend or reinstate them.</summary>
    public bool IsHq => Scope.IsPlatform || Scope.Roles.Contains(AdminRoles.Hq);

    /// <summary>Shows the outcome on the next page (post-redirect-get).</summary>
    protected void Report<T>(AdminResult<T> result, string done)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome == ActionOutcome.Done)
        {
            Flash = done;
        }
        else
        {
            FlashProblem = result.Problem;
        }
    }

    /// <summary>The outcome of HQ's 重新绑定 of an account's open-platform binding, on the next page.</summary>
    protected void ReportBinding(OpenPlatformBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (binding.Bound)
        {
            Flash = $"已绑定到开放平台账号 {binding.ShortOpenAppId}。";
        }
        else
        {
            FlashProblem = $"开放平台绑定没有成功：{binding.Reason}";
        }
    }
}
