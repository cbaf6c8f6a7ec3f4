using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>
/// POST /cgi-bin/message/update_template_card: replace the button label (<see cref="Button"/>) or the whole card.
/// </summary>
public sealed class MessageUpdateTemplateCardRequest
{
    public IReadOnlyList<string>? Userids { get; init; }

    public IReadOnlyList<long>? Partyids { get; init; }

    public IReadOnlyList<long>? Tagids { get; init; }

    public int? Atall { get; init; }

    public required long Agentid { get; init; }

    /// <summary>From message/send or the card's callback; single use.</summary>
    public required string ResponseCode { get; init; }

    public UpdatedButton? Button { get; init; }

    public TemplateCard? TemplateCard { get; init; }
}

public sealed class UpdatedButton
{
    public required string ReplaceName { get; init; }
}

/// <summary>
/// The docs show <c>invaliduser</c> here as a list, while SDKs read it as message/send's <c>a|b</c> string;
/// it is left out so that either shape parses.
/// </summary>
public sealed class MessageUpdateTemplateCardResponse : WechatResponse
{
}
