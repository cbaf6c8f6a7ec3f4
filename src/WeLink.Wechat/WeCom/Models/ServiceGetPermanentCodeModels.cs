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
    public string? AccessToken { get; init; }

    public int ExpiresIn { get; init; }

    /// <summary>Long-lived secret: store it encrypted, never log it.</summary>
    public string PermanentCode { get; init; } = "";

    public AuthCorpInfo AuthCorpInfo { get; init; } = new();

    public AuthInfo? AuthInfo { get; init; }

    public AuthUserInfo? AuthUserInfo { get; init; }

    public string? State { get; init; }
}

public sealed class AuthCorpInfo
{
    public string Corpid { get; init; } = "";

    public string CorpName { get; init; } = "";

    public string? CorpType { get; init; }

    public string? CorpSquareLogoUrl { get; init; }

    public int CorpUserMax { get; init; }

    public string? CorpFullName { get; init; }

    public int SubjectType { get; init; }

    public string? CorpScale { get; init; }

    public string? CorpIndustry { get; init; }

    public string? CorpSubIndustry { get; init; }
}

public sealed class AuthInfo
{
    /// <summary>New single-app suites have exactly one agent.</summary>
    public IReadOnlyList<AuthAgent> Agent { get; init; } = [];
}

public sealed class AuthAgent
{
    /// <summary>The app's agentid inside this corp: message/send needs it.</summary>
    public long Agentid { get; init; }

    public string Name { get; init; } = "";

    public string? RoundLogoUrl { get; init; }

    public string? SquareLogoUrl { get; init; }

    public int AuthMode { get; init; }

    public AgentPrivilege? Privilege { get; init; }
}

public sealed class AgentPrivilege
{
    public int Level { get; init; }

    public IReadOnlyList<long> AllowParty { get; init; } = [];

    public IReadOnlyList<string> AllowUser { get; init; } = [];

    public IReadOnlyList<long> AllowTag { get; init; } = [];
}

public sealed class AuthUserInfo
{
    public string? Userid { get; init; }

    public string? OpenUserid { get; init; }

    public string? Name { get; init; }

    public string? Avatar { get; init; }
}
