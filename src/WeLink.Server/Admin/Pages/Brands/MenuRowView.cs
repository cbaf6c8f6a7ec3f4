namespace WeLink.Server.Admin.Pages.Brands;

/// <summary>
/// One row of the menu grid: the form-field prefix (<c>Buttons[0]</c>, <c>Buttons[0].Subs[2]</c>), the row's full name
/// (its fields' accessible labels), the short one shown beside them, and the button.
/// </summary>
public sealed record MenuRowView(string Prefix, string Label, string Shown, MenuButtonForm Button, bool Top);
