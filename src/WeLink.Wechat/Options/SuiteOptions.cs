namespace WeLink.Wechat.Options;

/// <summary>The <c>WeCom:Suite</c> section: WeLink's WeCom third-party app.</summary>
public sealed class SuiteOptions
{
    public string SuiteId { get; set; } = "";

    public string SuiteSecret { get; set; } = "";

    /// <summary>The callback token typed into the WeCom provider console.</summary>
    public string Token { get; set; } = "";

    public string EncodingAesKey { get; set; } = "";
}
