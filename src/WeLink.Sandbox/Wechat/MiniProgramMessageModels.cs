using System.Text.Json.Serialization;

namespace WeLink.Sandbox.Wechat;

/// <summary>newtmpl's answer names its field in camelCase, unlike the rest of WeChat.</summary>
public sealed record SubscribeTemplateAddResponse(int Errcode, string Errmsg, [property: JsonPropertyName("priTmplId")] string PriTmplId);
