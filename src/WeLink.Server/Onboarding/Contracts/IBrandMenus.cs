using System.Security.Claims;

namespace WeLink.Server.Onboarding.Contracts;

/// <summary>The brand's official-account menu as HQ reads and sets it, through the admin API or the portal's menu page alike.</summary>
public interface IBrandMenus
{
    /// <summary>The menu HQ last set, or null when it set none.</summary>
    Task<BrandMenu?> FindAsync(Guid brandId, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the menu against WeChat's rules (<see cref="BrandMenu.Problem"/>) and, for mini-program buttons, that the
    /// brand's mini program is authorized and the one they open; then stores it and puts it on every active dealer
    /// account of the brand, audited as <c>brand.menu.set</c> with how many accounts took it.
    /// </summary>
    Task<BrandMenuChange> SetAsync(ClaimsPrincipal admin, Guid brandId, BrandMenu menu, CancellationToken cancellationToken);
}

/// <summary>How setting the menu went: refused before anything was stored, or published with each account's result.</summary>
public abstract record BrandMenuChange
{
    private BrandMenuChange()
    {
    }

    /// <summary>Nothing was stored; <paramref name="Problem"/> says why in Chinese.</summary>
    public abstract record Refused(string Problem) : BrandMenuChange;

    /// <summary>WeChat would refuse the menu.</summary>
    public sealed record Invalid(string Problem) : Refused(Problem);

    /// <summary>A mini-program button opens no mini program of the brand's (none authorized, or another appid).</summary>
    public sealed record NotTheBrandsMiniProgram(string Problem) : Refused(Problem);

    public sealed record Published(IReadOnlyList<MenuPublication> Accounts) : BrandMenuChange;
}
