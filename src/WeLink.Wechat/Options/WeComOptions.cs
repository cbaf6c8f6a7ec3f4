namespace WeLink.Wechat.Options;

/// <summary>The <c>WeCom</c> configuration section: hosts, the provider corp and the suite.</summary>
public sealed class WeComOptions
{
    public const string SectionName = "WeCom";

    /// <summary>The WeCom API host.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://qyapi.weixin.qq.com");

    /// <summary>Serves the third-party app install page (3rdapp/install).</summary>
    public Uri OpenBaseUrl { get; set; } = new("https://open.work.weixin.qq.com");

    /// <summary>WeLink's own (service provider) corp id: the receiveid of console URL verification.</summary>
    public string ProviderCorpId { get; set; } = "";

    public SuiteOptions Suite { get; set; } = new();
}
