using System.Globalization;
using System.Text.Json;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.WeCom.JsSdk;

namespace WeLink.Sandbox.Tests.JsSdk;

/// <summary>
/// The corp's two JS-SDK tickets and the stand-in for the WeCom client's bridge: a page registered with signatures made
/// from the issued tickets gets the chat's contact, the picker's selection and the scan the control API chose; a wrong
/// signature gets the client's 40093 answer, and nothing is answered before registration.
/// </summary>
public sealed class ClientBridgeTests : IAsyncLifetime
{
    private const string Page = "http://welink.test/wecom-app/?from=toolbar";

    private SandboxHost _host = null!;
    private WorldView _world = null!;
    private InstalledCorp _corp = null!;

    private string StaffId => _world.StaffUserId(0, 0);

    public async Task InitializeAsync()
    {
        _host = await SandboxHost.StartAsync();
        _world = await WorldView.ReadAsync(_host);
        _corp = await _host.InstallCorpAsync(_world.CorpId(0));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Both_tickets_are_issued_with_the_corp_token_and_agent_config_is_the_only_ticket_type()
    {
        var corpTicket = await _host.Client.GetJsonAsync($"wecom/cgi-bin/get_jsapi_ticket?access_token={_corp.AccessToken}");
        var agentTicket = await _host.Client.GetJsonAsync($"wecom/cgi-bin/ticket/get?access_token={_corp.AccessToken}&type=agent_config");
        var otherType = await _host.Client.GetJsonAsync($"wecom/cgi-bin/ticket/get?access_token={_corp.AccessToken}&type=jsapi");
        var suiteToken = await _host.Client.GetJsonAsync($"wecom/cgi-bin/get_jsapi_ticket?access_token={_corp.SuiteToken}");

        Assert.Equal((0, 7200), (corpTicket.Errcode(), corpTicket.GetProperty("expires_in").GetInt32()));
        Assert.Equal(0, agentTicket.Errcode());
        Assert.NotEqual(corpTicket.Text("ticket"), agentTicket.Text("ticket"));
        Assert.Equal(40058, otherType.Errcode());
        Assert.Equal(40014, suiteToken.Errcode());
    }

    [Fact]
    public async Task A_page_registered_with_the_agent_signature_gets_the_contact_of_the_chat_chosen_for_the_staff_member()
    {
        var contact = _world.Corp(0).GetProperty("external_contacts")[0].Text("external_user_id");
        await _host.Client.PostJsonAsync("control/wecom/client", new { corpid = _corp.CorpId, userid = StaffId, chat_external_userid = contact });
        var agent = await AgentConfigAsync();

        var registered = await InvokeAsync("agentConfig", agent);
        var current = await InvokeAsync("getCurExternalContact", Verify(agent));

        Assert.Equal("agentConfig:ok", registered.Text("err_msg"));
        Assert.Equal(("getCurExternalContact:ok", contact), (current.Text("err_msg"), current.Text("userId")));
    }

    [Fact]
    public async Task A_wrong_signature_gets_the_clients_invalid_signature_answer_and_no_contact()
    {
        var agent = await AgentConfigAsync();
        agent["signature"] = new string('0', 40);

        var registered = await InvokeAsync("agentConfig", agent);
        var current = await InvokeAsync("getCurExternalContact", Verify(agent));

        Assert.Equal(("agentConfig:invalid signature", 40093), (registered.Text("err_msg"), registered.GetProperty("errCode").GetInt32()));
        Assert.Equal("getCurExternalContact:fail no permission", current.Text("err_msg"));
    }

    [Fact]
    public async Task The_corp_config_is_checked_against_the_corps_own_ticket_and_does_not_give_the_apps_identity()
    {
        var ticket = (await _host.Client.GetJsonAsync($"wecom/cgi-bin/get_jsapi_ticket?access_token={_corp.AccessToken}")).Text("ticket");
        var timestamp = _host.Clock.GetUtcNow().ToUnixTimeSeconds();
        var config = new Dictionary<string, object>
        {
            ["appId"] = _corp.CorpId,
            ["verifyAppId"] = _corp.CorpId,
            ["verifySignType"] = "sha1",
            ["verifyTimestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["verifyNonceStr"] = "n1",
            ["verifySignature"] = JsSdkSignature.Compute(ticket, "n1", timestamp, Page),
        };

        var configured = await InvokeAsync("preVerifyJSAPI", config);
        var current = await InvokeAsync("getCurExternalContact", config);

        Assert.Equal("config:ok", configured.Text("err_msg"));
        Assert.Equal("getCurExternalContact:fail no permission", current.Text("err_msg"));
    }

    [Fact]
    public async Task Outside_a_chat_the_client_says_so_and_the_picker_and_camera_answer_what_was_chosen_the_scan_once()
    {
        var contact = _world.Corp(0).GetProperty("external_contacts")[0].Text("external_user_id");
        var verify = Verify(await AgentConfigAsync());

        var outside = await InvokeAsync("getCurExternalContact", verify);
        await _host.Client.PostJsonAsync(
            "control/wecom/client", new { corpid = _corp.CorpId, userid = StaffId, selected_external_userids = new[] { contact }, scan_result = "VIN123" });
        var picked = await InvokeAsync("selectExternalContact", new Dictionary<string, object>(verify) { ["filterType"] = 0 });
        var scanned = await InvokeAsync("scanQRCode", new Dictionary<string, object>(verify) { ["needResult"] = 1 });
        var again = await InvokeAsync("scanQRCode", new Dictionary<string, object>(verify) { ["needResult"] = 1 });

        Assert.Equal("getCurExternalContact:fail without context of external contact", outside.Text("err_msg"));
        Assert.Equal(contact, picked.GetProperty("userIds")[0].GetString());
        Assert.Equal(("scanQRCode:ok", "VIN123"), (scanned.Text("err_msg"), scanned.Text("resultStr")));
        Assert.Equal("scanQRCode:cancel", again.Text("err_msg"));
    }

    [Fact]
    public async Task A_browser_nobody_opened_the_app_in_gets_no_answer_and_a_chat_contact_the_member_never_added_is_refused()
    {
        using var stranger = new HttpClient { BaseAddress = _host.BaseAddress };
        var answer = await stranger.PostJsonAsync("wecom/bridge/invoke", new { name = "getCurExternalContact", url = Page, @params = new { } });
        using var refused = await _host.Client.PostAsJsonAsync(
            "control/wecom/client", new { corpid = _corp.CorpId, userid = _world.StaffUserId(0, 1), chat_external_userid = "wmghost" });

        Assert.Equal("getCurExternalContact:fail no permission", answer.Text("err_msg"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_bridge_script_defines_WeixinJSBridge_and_fires_its_ready_event()
    {
        using var response = await _host.Client.GetAsync(new Uri("wecom/bridge.js", UriKind.Relative));
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("window.WeixinJSBridge", script, StringComparison.Ordinal);
        Assert.Contains("WeixinJSBridgeReady", script, StringComparison.Ordinal);
    }

    /// <summary>What @wecom/jssdk sends to agentConfig for the page, signed with the app's ticket.</summary>
    private async Task<Dictionary<string, object>> AgentConfigAsync()
    {
        var ticket = (await _host.Client.GetJsonAsync($"wecom/cgi-bin/ticket/get?access_token={_corp.AccessToken}&type=agent_config")).Text("ticket");
        var timestamp = _host.Clock.GetUtcNow().ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["corpid"] = _corp.CorpId,
            ["agentid"] = _corp.AgentId.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["nonceStr"] = "abc123",
            ["signature"] = JsSdkSignature.Compute(ticket, "abc123", timestamp, Page),
            ["jsApiList"] = new[] { "getCurExternalContact", "selectExternalContact", "scanQRCode" },
        };
    }

    /// <summary>The verify fields @wecom/jssdk adds to every call after agentConfig.</summary>
    private static Dictionary<string, object> Verify(Dictionary<string, object> agent) => new()
    {
        ["appId"] = agent["corpid"],
        ["verifyAppId"] = agent["corpid"],
        ["verifySignType"] = "sha1",
        ["verifyTimestamp"] = agent["timestamp"],
        ["verifyNonceStr"] = agent["nonceStr"],
        ["verifySignature"] = agent["signature"],
    };

    /// <summary>A bridge call from the phone of the staff member the staff OAuth page remembered as its holder.</summary>
    private async Task<JsonElement> InvokeAsync(string name, object parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "wecom/bridge/invoke")
        {
            Content = JsonContent.Create(new { name, url = Page, @params = parameters }),
            Headers = { { "Cookie", $"sandbox_wecom_holder={_corp.CorpId}:{StaffId}" } },
        };
        using var response = await _host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
