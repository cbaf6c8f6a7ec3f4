using System.Text.Json.Serialization;
using WeLink.Wechat.Http;

namespace WeLink.Wechat.MiniProgram.Models;

/// <summary>
/// POST /wxaapi/newtmpl/addtemplate: adds a title of the public library to the mini program's own subscribe templates,
/// with 2 to 5 of its keywords (by kid) in the order given. This API names its fields in camelCase, unlike the rest of WeChat.
/// </summary>
public sealed class NewtmplAddtemplateRequest
{
    [JsonPropertyName("tid")]
    public required string Tid { get; init; }

    [JsonPropertyName("kidList")]
    public required IReadOnlyList<int> KidList { get; init; }

    /// <summary>What the consumer is told the subscription is for (15 characters at most).</summary>
    [JsonPropertyName("sceneDesc")]
    public string? SceneDesc { get; init; }
}

public sealed class NewtmplAddtemplateResponse : WechatResponse
{
    [JsonPropertyName("priTmplId")]
    public string PriTmplId { get; set; } = "";
}
