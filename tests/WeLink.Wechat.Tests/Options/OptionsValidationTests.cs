using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeLink.Wechat.Options;

namespace WeLink.Wechat.Tests.Options;

public sealed class OptionsValidationTests
{
    [Fact]
    public void A_complete_configuration_binds_with_the_real_hosts_as_defaults()
    {
        using var services = TestConfiguration.Services();

        var weChat = services.GetRequiredService<IOptions<WeChatOptions>>().Value;
        var weCom = services.GetRequiredService<IOptions<WeComOptions>>().Value;

        Assert.Equal(new Uri("https://api.weixin.qq.com"), weChat.ApiBaseUrl);
        Assert.Equal(new Uri("https://mp.weixin.qq.com"), weChat.MpBaseUrl);
        Assert.Equal(new Uri("https://open.weixin.qq.com"), weChat.OpenBaseUrl);
        Assert.Equal(new Uri("https://qyapi.weixin.qq.com"), weCom.ApiBaseUrl);
        Assert.Equal(new Uri("https://open.work.weixin.qq.com"), weCom.OpenBaseUrl);
        Assert.Equal(TestConfiguration.ComponentAppid, weChat.Component.AppId);
        Assert.Equal(TestConfiguration.SuiteId, weCom.Suite.SuiteId);
        Assert.Equal(TimeSpan.FromMinutes(5), weChat.Tokens.RefreshAhead);
    }

    [Fact]
    public void Host_urls_and_token_timing_come_from_settings()
    {
        var settings = TestConfiguration.ValidSettings();
        settings["WeChat:ApiBaseUrl"] = "http://127.0.0.1:5000/sandbox/wechat";
        settings["WeCom:ApiBaseUrl"] = "http://127.0.0.1:5000/sandbox/wecom";
        settings["WeChat:Tokens:RefreshAhead"] = "00:10:00";
        using var services = TestConfiguration.Services(settings);

        Assert.Equal(new Uri("http://127.0.0.1:5000/sandbox/wechat"), services.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiBaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5000/sandbox/wecom"), services.GetRequiredService<IOptions<WeComOptions>>().Value.ApiBaseUrl);
        Assert.Equal(TimeSpan.FromMinutes(10), services.GetRequiredService<IOptions<WeChatOptions>>().Value.Tokens.RefreshAhead);
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", 42)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", 44)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDE+/", 43)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=", 43)]
    public void A_component_EncodingAesKey_that_is_not_43_base62_characters_is_refused_by_name(string key, int length)
    {
        var settings = TestConfiguration.ValidSettings();
        settings["WeChat:Component:EncodingAesKey"] = key;

        var failure = WeChatFailure(settings);

        Assert.Contains(
            $"WeChat:Component:EncodingAesKey must be exactly 43 characters of [A-Za-z0-9] (it has {length} characters).",
            failure.Failures);
        Assert.DoesNotContain(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suite_EncodingAesKey_that_is_not_43_characters_is_refused_by_name()
    {
        var settings = TestConfiguration.ValidSettings();
        settings["WeCom:Suite:EncodingAesKey"] = "short";
        using var services = TestConfiguration.Services(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WeComOptions>>().Value);

        Assert.Equal(
            ["WeCom:Suite:EncodingAesKey must be exactly 43 characters of [A-Za-z0-9] (it has 5 characters)."],
            failure.Failures);
    }

    [Fact]
    public void Every_missing_credential_is_named_with_its_configuration_key()
    {
        using var services = TestConfiguration.Services(new Dictionary<string, string?>());

        var weChat = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WeChatOptions>>().Value);
        var weCom = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WeComOptions>>().Value);

        Assert.Equal(
            [
                "WeChat:Component:AppId is required.",
                "WeChat:Component:AppSecret is required.",
                "WeChat:Component:Token is required.",
                "WeChat:Component:EncodingAesKey is required.",
            ],
            weChat.Failures);
        Assert.Equal(
            [
                "WeCom:ProviderCorpId is required.",
                "WeCom:Suite:SuiteId is required.",
                "WeCom:Suite:SuiteSecret is required.",
                "WeCom:Suite:Token is required.",
                "WeCom:Suite:EncodingAesKey is required.",
            ],
            weCom.Failures);
    }

    [Theory]
    [InlineData("WeChat:ApiBaseUrl", "api.weixin.qq.com")]
    [InlineData("WeChat:MpBaseUrl", "ftp://mp.weixin.qq.com")]
    [InlineData("WeChat:OpenBaseUrl", "/relative")]
    public void A_host_that_is_not_an_absolute_http_url_is_refused_by_name(string key, string value)
    {
        var settings = TestConfiguration.ValidSettings();
        settings[key] = value;

        Assert.Equal([$"{key} must be an absolute http(s) URL."], WeChatFailure(settings).Failures);
    }

    [Fact]
    public void A_refresh_margin_of_an_hour_or_more_is_refused()
    {
        var settings = TestConfiguration.ValidSettings();
        settings["WeChat:Tokens:RefreshAhead"] = "01:00:00";

        Assert.Equal(["WeChat:Tokens:RefreshAhead must be under 60 minutes (tokens live 120)."], WeChatFailure(settings).Failures);
    }

    private static OptionsValidationException WeChatFailure(Dictionary<string, string?> settings)
    {
        using var services = TestConfiguration.Services(settings);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WeChatOptions>>().Value);
    }
}
