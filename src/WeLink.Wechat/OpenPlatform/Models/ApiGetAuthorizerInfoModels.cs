using System.Text.Json.Serialization;
using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>POST /cgi-bin/component/api_get_authorizer_info</summary>
public sealed class ApiGetAuthorizerInfoRequest
{
    public required string ComponentAppid { get; init; }

    public required string AuthorizerAppid { get; init; }
}

public sealed class ApiGetAuthorizerInfoResponse : WechatResponse
{
    public AuthorizerInfo AuthorizerInfo { get; set; } = new();

    public AuthorizationInfo AuthorizationInfo { get; set; } = new();
}

public sealed class AuthorizerInfo
{
    public string NickName { get; set; } = "";

    public string? HeadImg { get; set; }

    public IdInfo? ServiceTypeInfo { get; set; }

    /// <summary>-1 means unverified.</summary>
    public IdInfo? VerifyTypeInfo { get; set; }

    /// <summary>The original id, <c>gh_…</c>: the ToUserName of the account's pushes.</summary>
    public string UserName { get; set; } = "";

    public string? PrincipalName { get; set; }

    public string? Alias { get; set; }

    public string? QrcodeUrl { get; set; }

    public string? Signature { get; set; }

    public BusinessInfo? BusinessInfo { get; set; }

    /// <summary>
    /// Present only for mini programs: the field that tells a mini program from an official account (both answer with
    /// the same shape otherwise, and a mini program's service_type_info is 0 like a subscription account's).
    /// </summary>
    [JsonPropertyName("MiniProgramInfo")]
    public MiniProgramInfo? MiniProgramInfo { get; set; }
}

public sealed class MiniProgramInfo
{
    public IReadOnlyList<MiniProgramCategory> Categories { get; set; } = [];

    public int VisitStatus { get; set; }
}

public sealed class MiniProgramCategory
{
    public string First { get; set; } = "";

    public string Second { get; set; } = "";
}

public sealed class IdInfo
{
    public int Id { get; set; }
}

public sealed class BusinessInfo
{
    public int OpenStore { get; set; }

    public int OpenScan { get; set; }

    public int OpenPay { get; set; }

    public int OpenCard { get; set; }

    public int OpenShake { get; set; }
}
