using WeLink.Wechat.Http;

namespace WeLink.Wechat.OfficialAccount.Models;

/// <summary>
/// POST /cgi-bin/template/api_add_template: adds a library template to the account and answers the account's own id for it.
/// Category templates (a numeric library id) need <see cref="KeywordNameList"/>: the keyword names to use, in order.
/// </summary>
public sealed class TemplateAddRequest
{
    public required string TemplateIdShort { get; init; }

    public IReadOnlyList<string>? KeywordNameList { get; init; }
}

public sealed class TemplateAddResponse : WechatResponse
{
    public string TemplateId { get; set; } = "";
}
