namespace WeLink.Wechat.OfficialAccount.Models;

/// <summary>
/// POST /cgi-bin/message/custom/send: a customer-service message, allowed only within the window
/// opened by the consumer's last interaction. Set <see cref="Msgtype"/> and the one matching payload.
/// </summary>
public sealed class MessageCustomSendRequest
{
    public required string Touser { get; init; }

    /// <summary><c>text</c>, <c>image</c>, <c>news</c> or <c>miniprogrampage</c>.</summary>
    public required string Msgtype { get; init; }

    public CustomText? Text { get; init; }

    public CustomImage? Image { get; init; }

    public CustomNews? News { get; init; }

    public CustomMiniprogramPage? Miniprogrampage { get; init; }

    public static MessageCustomSendRequest ForText(string openid, string content) =>
        new() { Touser = openid, Msgtype = "text", Text = new CustomText { Content = content } };

    /// <summary>A card opening a page of a mini program associated with the account; its picture is uploaded media (media/upload).</summary>
    public static MessageCustomSendRequest ForMiniprogramPage(string openid, CustomMiniprogramPage page) =>
        new() { Touser = openid, Msgtype = "miniprogrampage", Miniprogrampage = page };
}

public sealed class CustomText
{
    public required string Content { get; init; }
}

public sealed class CustomImage
{
    public required string MediaId { get; init; }
}

public sealed class CustomNews
{
    public required IReadOnlyList<CustomNewsArticle> Articles { get; init; }
}

public sealed class CustomNewsArticle
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public string? Picurl { get; init; }
}

/// <summary>A mini-program card: <see cref="ThumbMediaId"/> is the card's picture (WeChat suggests 520×416), uploaded as temporary media.</summary>
public sealed class CustomMiniprogramPage
{
    public required string Title { get; init; }

    public required string Appid { get; init; }

    public required string Pagepath { get; init; }

    public required string ThumbMediaId { get; init; }
}
