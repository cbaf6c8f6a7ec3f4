using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Admin.Pages.Brands;

/// <summary>
/// One button of the menu page's grid as the form posts it: three top-level slots, each with five sub-button rows, as
/// many as WeChat allows. Empty slots and rows are left out of the menu; whatever is filled in goes to
/// <see cref="BrandMenu.Problem"/> as it is, so the page and the API refuse the same menus with the same words.
/// </summary>
public sealed class MenuButtonForm
{
    public const int TopSlots = 3;

    public const int SubSlots = 5;

    public string? Name { get; set; }

    public string? Type { get; set; }

    public string? Key { get; set; }

    public string? Url { get; set; }

    public string? Pagepath { get; set; }

    public List<MenuButtonForm> Subs { get; set; } = [];

    private bool IsEmpty => Blank(Name) && Blank(Type) && Blank(Key) && Blank(Url) && Blank(Pagepath) && Subs.All(s => s.IsEmpty);

    /// <summary>The full grid showing a stored menu (or none), its buttons in the first slots.</summary>
    public static List<MenuButtonForm> GridOf(BrandMenu? menu) => Filled((menu?.Button ?? []).Select(FromButton));

    /// <summary>A posted grid cut or padded to the full grid, to show it again after a refusal.</summary>
    public static List<MenuButtonForm> Filled(IEnumerable<MenuButtonForm>? grid)
    {
        var slots = Fit(grid ?? [], TopSlots);
        foreach (var slot in slots)
        {
            slot.Subs = Fit(slot.Subs, SubSlots);
        }

        return slots;
    }

    /// <summary>The menu the filled-in slots and rows make, in their order.</summary>
    public static BrandMenu MenuOf(IEnumerable<MenuButtonForm>? grid) => new([.. (grid ?? []).Where(b => !b.IsEmpty).Select(b => b.ToButton())]);

    private BrandMenuButton ToButton() => new(
        Name?.Trim() ?? "",
        Text(Type),
        Text(Key),
        Text(Url),
        Pagepath: Text(Pagepath),
        SubButton: Subs.Where(s => !s.IsEmpty).Select(s => s.ToButton()).ToList() is { Count: > 0 } subs ? subs : null);

    private static MenuButtonForm FromButton(BrandMenuButton button) => new()
    {
        Name = button.Name,
        Type = button.Type,
        Key = button.Key,
        Url = button.Url,
        Pagepath = button.Pagepath,
        Subs = [.. (button.SubButton ?? []).Select(FromButton)],
    };

    private static List<MenuButtonForm> Fit(IEnumerable<MenuButtonForm> items, int count)
    {
        var list = items.Take(count).ToList();
        while (list.Count < count)
        {
            list.Add(new MenuButtonForm());
        }

        return list;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string? Text(string? text) => Blank(text) ? null : text!.Trim();
}
