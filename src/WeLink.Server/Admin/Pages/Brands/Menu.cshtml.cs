using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy;

namespace WeLink.Server.Admin.Pages.Brands;

/// <summary>
/// HQ's official-account menu for the brand: the menu as stored, a grid to change it (click, web page or a page of the
/// brand's mini program), and on saving the menu put on every linked dealer account with each account's result.
/// Checking, storing, publishing and the audit are Onboarding's (<see cref="IBrandMenus"/>), as for the admin API.
/// </summary>
public sealed class BrandMenuModel(BrandStore brands, DealerStore dealers, IBrandMiniPrograms miniPrograms, IBrandMenus menus) : PortalPageModel
{
    private IReadOnlyList<Dealer> _dealers = [];

    [FromRoute]
    public Guid BrandId { get; set; }

    public Brand Brand { get; private set; } = null!;

    /// <summary>Null until HQ authorized one; mini-program buttons need it.</summary>
    public BrandMiniProgram? MiniProgram { get; private set; }

    [BindProperty]
    public List<MenuButtonForm> Buttons { get; set; } = [];

    /// <summary>Why the menu was not saved, in Chinese; null unless a save was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Each linked account's result of the save just made; null unless the menu was just saved.</summary>
    public IReadOnlyList<MenuPublication>? Publications { get; private set; }

    /// <summary>The rows of one top-level slot of the grid: the button itself, then its sub-button rows.</summary>
    public IEnumerable<MenuRowView> RowsOf(int slot)
    {
        var top = Buttons[slot];
        var label = $"一级按钮 {slot + 1}";
        yield return new MenuRowView($"Buttons[{slot}]", label, "一级按钮", top, Top: true);
        for (var sub = 0; sub < top.Subs.Count; sub++)
        {
            yield return new MenuRowView($"Buttons[{slot}].Subs[{sub}]", $"{label} · 子按钮 {sub + 1}", $"子按钮 {sub + 1}", top.Subs[sub], Top: false);
        }
    }

    public string DealerName(Guid dealerId) => _dealers.FirstOrDefault(d => d.Id == dealerId)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Buttons = MenuButtonForm.GridOf(await menus.FindAsync(BrandId, cancellationToken));
        return Page();
    }

    /// <summary>Saves and publishes; the page shows again with the per-account results, or with the refusal and what HQ typed.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        switch (await menus.SetAsync(User, BrandId, MenuButtonForm.MenuOf(Buttons), cancellationToken))
        {
            case BrandMenuChange.Published published:
                Publications = published.Accounts;
                Buttons = MenuButtonForm.GridOf(await menus.FindAsync(BrandId, cancellationToken));
                break;
            case BrandMenuChange.Refused refused:
                (Problem, Buttons) = (refused.Problem, MenuButtonForm.Filled(Buttons));
                break;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is not { } brand)
        {
            return false;
        }

        Brand = brand;
        MiniProgram = await miniPrograms.FindOfBrandAsync(BrandId, cancellationToken);
        _dealers = await dealers.ListAsync(Scope, BrandId, cancellationToken);
        return true;
    }
}
