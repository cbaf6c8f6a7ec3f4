namespace WeLink.Sandbox.Hosting;

/// <summary>Bound from the <c>Sandbox</c> configuration section.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>The third-party platform ("component") the sandbox plays WeChat for.</summary>
    public ComponentCredentials Component { get; set; } = new();

    /// <summary>The WeCom third-party app ("suite") the sandbox plays WeCom for.</summary>
    public SuiteCredentials Suite { get; set; } = new();

    /// <summary>The service provider's own corpid (receiveid of WeCom URL verification).</summary>
    public string ProviderCorpId { get; set; } = "";

    /// <summary>WeLink's base URL, where pushes go; null leaves pushes recorded but undelivered.</summary>
    public Uri? CallbackBaseUrl { get; set; }

    public TimeSpan TicketPushInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Off in tests that want no pushes but their own.</summary>
    public bool PushTicketsOnSchedule { get; set; } = true;

    /// <summary>The platforms give up on a push after 5 s without an answer, then retry.</summary>
    public TimeSpan PushAttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>WeCom's console fails a URL check answered later than 1 s.</summary>
    public TimeSpan UrlCheckAnswerWithin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Create the demo world at start.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>
    /// Where the world, credentials, sent messages and clock offset are kept between runs (relative to the content root);
    /// empty keeps them in memory only, so each start makes a new world.
    /// </summary>
    public string? StateFile { get; set; }

    /// <summary>
    /// When WeLink hosts the sandbox in-process, WeLink's own clock is the sandbox clock: advancing it moves both, so
    /// pushes stay fresh and WeLink's timers come due. Ignored when the sandbox runs alone.
    /// </summary>
    public bool ShareClock { get; set; }

    /// <summary>How often a changed state is written to <see cref="StateFile"/>.</summary>
    public TimeSpan StateSaveInterval { get; set; } = TimeSpan.FromSeconds(1);

    public QuotaOptions Quotas { get; set; } = new();
}

public sealed class ComponentCredentials
{
    public string AppId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    public string Token { get; set; } = "";

    public string EncodingAesKey { get; set; } = "";
}

public sealed class SuiteCredentials
{
    public string SuiteId { get; set; } = "";

    public string SuiteSecret { get; set; } = "";

    public string Token { get; set; } = "";

    public string EncodingAesKey { get; set; } = "";
}

/// <summary>Daily call budgets; a call beyond its budget answers 45009 as the real servers do.</summary>
public sealed class QuotaOptions
{
    public int DefaultDailyBudget { get; set; } = 10_000;

    /// <summary>Budgets per API, keyed by the path after the host, e.g. <c>cgi-bin/component/api_component_token</c>.</summary>
    public Dictionary<string, int> DailyBudgets { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cgi-bin/component/api_component_token"] = 2_000,
    };
}
