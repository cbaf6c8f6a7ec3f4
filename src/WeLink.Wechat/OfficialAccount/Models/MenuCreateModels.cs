namespace WeLink.Wechat.OfficialAccount.Models;

/// <summary>POST /cgi-bin/menu/create: up to 3 buttons, each with up to 5 sub-buttons.</summary>
public sealed class MenuCreateRequest
{
    public required IReadOnlyList<MenuButton> Button { get; init; }
}

public sealed class MenuButton
{
    /// <summary><c>click</c>, <c>view</c>, <c>miniprogram</c>…; null for a button that only holds sub-buttons.</summary>
    public string? Type { get; init; }

    public required string Name { get; init; }

    /// <summary>The EventKey of a <c>click</c> button.</summary>
    public string? Key { get; init; }

    public string? Url { get; init; }

    public string? Appid { get; init; }

    public string? Pagepath { get; init; }

    public IReadOnlyList<MenuButton>? SubButton { get; init; }
}
