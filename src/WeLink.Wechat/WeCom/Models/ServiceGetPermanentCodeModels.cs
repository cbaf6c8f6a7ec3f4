using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>POST /cgi-bin/service/get_permanent_code and /cgi-bin/service/v2/get_permanent_code.</summary>
public sealed class ServiceGetPermanentCodeRequest
{
    /// <summary>The temporary auth code of the install (10 min, single use).</summary>
    public required string AuthCode { get; init; }
}

/// <summary>v2 fills only permanent_code, auth_corp_info (corpid, corp_name), auth_user_info and state.</summary>
public sealed class ServiceGetPermanentCodeResponse : WechatResponse
{
    /// <summary>v1 only: a corp token, valid <see cref="ExpiresIn"/> seconds.</summary>
    public string? AccessToken { get; set; }

    public int ExpiresIn { get; set; }

    /// <summary>Long-lived secret: store it encrypted, never log it.</summary>
    public string PermanentCode { get; set; } = "";

    public AuthCorpInfo AuthCorpInfo { get; set; } = new();

    public AuthInfo? AuthInfo { get; set; }

    public AuthUserInfo? AuthUserInfo { get; set; }

    public string? State { get; set; }
}

public sealed class AuthCorpInfo
{
    public string Corpid { get; set; } = "";

    public string CorpName { get; set; } = "";

    public string? CorpType { get; set; }

    public string? CorpSquareLogoUrl { get; set; }

    public int CorpUserMax { get; set; }

    public string? CorpFullName { get; set; }

    public int SubjectType { get; set; }

    public string? CorpScale { get; set; }

    public string? CorpIndustry { get; set; }

    public string? CorpSubIndustry { get; set; }
}

public sealed class AuthInfo
{
    /// <summary>New single-app suites have exactly one agent.</summary>
    public IReadOnlyList<AuthAgent> Agent { get; set; } = [];
}

public sealed class AuthAgent
{
    /// <summary>The app's agentid inside this corp: message/send needs it.</summary>
    public long Agentid { get; set; }

    public string Name { get; set; } = "";

    public string? RoundLogoUrl { get; set; }

    public string? SquareLogoUrl { get; set; }

    public int AuthMode { get; set; }

    public AgentPrivilege? Privilege { get; set; }
}

public sealed class AgentPrivilege
{
    public int Level { get; set; }

    public IReadOnlyList<long> AllowParty { get; set; } = [];

    public IReadOnlyList<string> AllowUser { get; set; } = [];

    public IReadOnlyList<long> AllowTag { get; set; } = [];
}

public sealed class AuthUserInfo
{
    public string? Userid { get; set; }

    public string? OpenUserid { get; set; }

    public string? Name { get; set; }

    public string? Avatar { get; set; }
}
