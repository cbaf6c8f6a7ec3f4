namespace WeLink.Wechat.WeCom.Models;

/// <summary>
/// The <c>template_card</c> payload of message/send and update_template_card. Interactive types
/// (<c>button_interaction</c>, …) and notices with an action menu need <see cref="TaskId"/>; a button
/// click comes back as a <c>template_card_event</c> carrying the task id and the button key.
/// </summary>
public sealed class TemplateCard
{
    /// <summary><c>text_notice</c>, <c>news_notice</c>, <c>button_interaction</c>, <c>vote_interaction</c>, <c>multiple_interaction</c>.</summary>
    public required string CardType { get; init; }

    public CardSource? Source { get; init; }

    public required CardTitle MainTitle { get; init; }

    public CardTitle? EmphasisContent { get; init; }

    public string? SubTitleText { get; init; }

    public IReadOnlyList<CardHorizontalContent>? HorizontalContentList { get; init; }

    /// <summary>Where a click on the card body goes (type 1 = url).</summary>
    public CardAction? CardAction { get; init; }

    /// <summary>Unique per app, at most 128 of [A-Za-z0-9_-@].</summary>
    public string? TaskId { get; init; }

    public IReadOnlyList<CardButton>? ButtonList { get; init; }

    /// <summary>update_template_card only: replaces the buttons by one greyed-out label.</summary>
    public string? ReplaceText { get; init; }
}

public sealed class CardSource
{
    public string? IconUrl { get; init; }

    public string? Desc { get; init; }
}

public sealed class CardTitle
{
    public string? Title { get; init; }

    public string? Desc { get; init; }
}

public sealed class CardHorizontalContent
{
    public required string Keyname { get; init; }

    public string? Value { get; init; }
}

public sealed class CardAction
{
    public int Type { get; init; }

    public string? Url { get; init; }
}

public sealed class CardButton
{
    public required string Text { get; init; }

    /// <summary>1 to 4: the button colour.</summary>
    public int? Style { get; init; }

    /// <summary>The EventKey the click sends back.</summary>
    public required string Key { get; init; }
}
