using Microsoft.Extensions.DependencyInjection;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.WeCom;

namespace WeLink.Wechat.Tests.Clients;

public sealed class PageUrlTests
{
    private static readonly Uri RedirectUri = new("https://dealer.example.com/onboarding/done?dealer=42");
    private const string EncodedRedirect = "https%3A%2F%2Fdealer.example.com%2Fonboarding%2Fdone%3Fdealer%3D42";

    [Fact]
    public void The_PC_authorization_page_carries_component_pre_auth_code_redirect_and_auth_type()
    {
        var urls = Services().GetRequiredService<ComponentPageUrls>();

        var url = urls.PcAuthorization("preauthcode@@@abc", RedirectUri, ComponentAuthType.OfficialAccount);

        Assert.Equal(
            "https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=wx134c8103faa5a59e"
            + "&pre_auth_code=preauthcode%40%40%40abc&redirect_uri=" + EncodedRedirect + "&auth_type=1",
            url.AbsoluteUri);
    }

    [Fact]
    public void The_PC_authorization_page_restricted_to_one_account_adds_biz_appid()
    {
        var urls = Services().GetRequiredService<ComponentPageUrls>();

        var url = urls.PcAuthorization("code", RedirectUri, ComponentAuthType.Both, "wxba5fad812f8e6fb9");

        Assert.Equal(
            "https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=wx134c8103faa5a59e"
            + "&pre_auth_code=code&redirect_uri=" + EncodedRedirect + "&auth_type=3&biz_appid=wxba5fad812f8e6fb9",
            url.AbsoluteUri);
    }

    [Fact]
    public void The_mobile_authorization_page_is_bindcomponent_on_the_open_web_host()
    {
        var urls = Services().GetRequiredService<ComponentPageUrls>();

        var url = urls.MobileAuthorization("code", RedirectUri, ComponentAuthType.OfficialAccount, "wxba5fad812f8e6fb9");

        Assert.Equal(
            "https://open.weixin.qq.com/wxaopen/safe/bindcomponent?action=bindcomponent&no_scan=1"
            + "&component_appid=wx134c8103faa5a59e&pre_auth_code=code&redirect_uri=" + EncodedRedirect
            + "&auth_type=1&biz_appid=wxba5fad812f8e6fb9#wechat_redirect",
            url.AbsoluteUri);
    }

    [Fact]
    public void Consumer_OAuth_asks_on_behalf_of_the_account_with_component_appid()
    {
        var urls = Services().GetRequiredService<ComponentPageUrls>();

        var url = urls.ConsumerOAuth("wxba5fad812f8e6fb9", RedirectUri, ConsumerOAuthScope.SnsapiUserinfo, "card-apply");

        Assert.Equal(
            "https://open.weixin.qq.com/connect/oauth2/authorize?appid=wxba5fad812f8e6fb9&redirect_uri=" + EncodedRedirect
            + "&response_type=code&scope=snsapi_userinfo&state=card-apply&component_appid=wx134c8103faa5a59e#wechat_redirect",
            url.AbsoluteUri);
    }

    [Fact]
    public void The_WeCom_install_page_names_the_suite_and_keeps_the_state()
    {
        var urls = Services().GetRequiredService<SuitePageUrls>();

        var url = urls.Install("preauth123", RedirectUri, "dealer42");

        Assert.Equal(
            "https://open.work.weixin.qq.com/3rdapp/install?suite_id=ww4asffe99e54c0f01&pre_auth_code=preauth123"
            + "&redirect_uri=" + EncodedRedirect + "&state=dealer42",
            url.AbsoluteUri);
    }

    [Fact]
    public void Staff_OAuth_uses_the_suite_id_as_appid_on_the_open_web_host()
    {
        var urls = Services().GetRequiredService<SuitePageUrls>();

        var url = urls.StaffOAuth(RedirectUri, StaffOAuthScope.SnsapiBase, "cases");

        Assert.Equal(
            "https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww4asffe99e54c0f01&redirect_uri=" + EncodedRedirect
            + "&response_type=code&scope=snsapi_base&state=cases#wechat_redirect",
            url.AbsoluteUri);
    }

    [Fact]
    public void Page_hosts_with_a_path_prefix_keep_it()
    {
        var settings = TestConfiguration.ValidSettings();
        settings["WeChat:MpBaseUrl"] = "http://127.0.0.1:5000/sandbox/wechat/mp/";
        settings["WeCom:OpenBaseUrl"] = "http://127.0.0.1:5000/sandbox/wecom/open";
        using var services = TestConfiguration.Services(settings);

        var pc = services.GetRequiredService<ComponentPageUrls>().PcAuthorization("c", RedirectUri, ComponentAuthType.OfficialAccount);
        var install = services.GetRequiredService<SuitePageUrls>().Install("c", RedirectUri, "s");

        Assert.StartsWith("http://127.0.0.1:5000/sandbox/wechat/mp/cgi-bin/componentloginpage?", pc.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:5000/sandbox/wecom/open/3rdapp/install?", install.AbsoluteUri, StringComparison.Ordinal);
    }

    private static ServiceProvider Services() => TestConfiguration.Services();
}
