using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Control;

public sealed class ControlApiTests
{
    private static readonly string[] TemplateTitles = ["Service reminder"];
    private static readonly string[] DepartmentNames = ["Sales"];

    [Fact]
    public async Task The_control_api_appears_tagged_in_the_hosts_openapi_document_and_the_platform_apis_do_not()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:Component:AppId"] = SandboxHost.ComponentAppId,
            ["Sandbox:Component:AppSecret"] = "s",
            ["Sandbox:Component:Token"] = "t",
            ["Sandbox:Component:EncodingAesKey"] = SandboxHost.ComponentAesKey,
            ["Sandbox:Suite:SuiteId"] = SandboxHost.SuiteId,
            ["Sandbox:Suite:SuiteSecret"] = "s",
            ["Sandbox:Suite:Token"] = "t",
            ["Sandbox:Suite:EncodingAesKey"] = SandboxHost.SuiteAesKey,
            ["Sandbox:ProviderCorpId"] = SandboxHost.ProviderCorpId,
            ["Sandbox:PushTicketsOnSchedule"] = "false",
        });
        builder.Services.AddSandbox(builder.Configuration);
        builder.Services.AddOpenApi();
        await using var app = builder.Build();
        app.MapOpenApi();
        app.MapSandbox();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/sandbox/control/world", document, StringComparison.Ordinal);
        Assert.Contains("/sandbox/control/consumers/follow", document, StringComparison.Ordinal);
        Assert.Contains("Sandbox control", document, StringComparison.Ordinal);
        Assert.DoesNotContain("api_component_token", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sandbox_with_a_bad_aes_key_refuses_to_start_and_names_the_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => SandboxHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Sandbox:Suite:EncodingAesKey"] = "too-short" }));

        Assert.Contains("Sandbox:Suite:EncodingAesKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_world_built_through_the_control_api_is_usable_by_the_platform_apis()
    {
        await using var host = await SandboxHost.StartAsync(settings: new Dictionary<string, string?> { ["Sandbox:Seed"] = "false" });
        var owner = await host.Client.PostJsonAsync("control/world/owners", new { name = "Nova Cars" });
        var account = await host.Client.PostJsonAsync("control/world/accounts", new
        {
            owner_id = owner.Text("id"),
            nickname = "Nova Hangzhou",
            kind = "ServiceAccount",
            verified = true,
            templates = TemplateTitles,
        });
        var consumer = await host.Client.PostJsonAsync("control/world/consumers", new { nickname = "Qian" });
        var corp = await host.Client.PostJsonAsync("control/world/corps", new { name = "Nova Hangzhou Dealer", departments = DepartmentNames });
        var staff = await host.Client.PostJsonAsync($"control/world/corps/{corp.Text("corp_id")}/staff", new { name = "Lin", department_id = 2 });
        var contact = await host.Client.PostJsonAsync(
            $"control/world/corps/{corp.Text("corp_id")}/external-contacts", new { consumer_id = consumer.Text("id"), userid = staff.Text("user_id") });

        var authorized = await host.AuthorizeAccountAsync(account.Text("app_id"));
        var openId = await host.FollowAsync(consumer.Text("id"), authorized.AppId);
        var sent = await host.SendAsync("template/send", authorized.AccessToken, new
        {
            touser = openId,
            template_id = account.GetProperty("templates")[0].Text("template_id"),
            data = new { },
        });

        Assert.Equal(1, (await WorldView.ReadAsync(host)).Snapshot.GetProperty("accounts").GetArrayLength());
        Assert.StartsWith("wm", contact.Text("external_user_id"), StringComparison.Ordinal);
        Assert.Equal(0, sent.Errcode());
    }

    [Fact]
    public async Task Reset_forgets_tokens_and_messages_and_reseeds_the_world()
    {
        await using var host = await SandboxHost.StartAsync();
        var before = await WorldView.ReadAsync(host);
        var token = await host.ComponentTokenAsync();

        using var reset = await host.Client.PostAsync(new Uri("control/reset", UriKind.Relative), null);
        var after = await WorldView.ReadAsync(host);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(40001, (await host.AuthorizerListAsync(token)).Errcode());
        Assert.NotEqual(before.VerifiedServiceAccount, after.VerifiedServiceAccount);
        Assert.Equal(before.Snapshot.GetProperty("accounts").GetArrayLength(), after.Snapshot.GetProperty("accounts").GetArrayLength());
    }

    [Fact]
    public async Task Start_push_ticket_checks_the_secret_and_then_pushes_a_ticket()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var path = "wechat/cgi-bin/component/api_start_push_ticket";

        var wrong = await host.Client.PostJsonAsync(path, new { component_appid = SandboxHost.ComponentAppId, component_secret = "nope" });
        var right = await host.Client.PostJsonAsync(path, new { component_appid = SandboxHost.ComponentAppId, component_secret = SandboxHost.ComponentSecret });

        Assert.Equal(40125, wrong.Errcode());
        Assert.Equal(0, right.Errcode());
        await Poll.UntilAsync(() => receiver.Of("component_verify_ticket").Count == 1, Deadline.Delivery, "component_verify_ticket push 1");
    }

    [Fact]
    public async Task An_authorized_push_carries_a_code_that_api_query_auth_accepts()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var componentToken = await host.ComponentTokenAsync();

        var push = await host.Client.PostJsonAsync("control/pushes/authorization", new { appid = world.VerifiedServiceAccount, info_type = "authorized" });
        await host.FinishedPushAsync(push.PushId());
        var message = Assert.Single(receiver.Of("authorized")).Message;
        var code = System.Text.RegularExpressions.Regex.Match(message, @"<AuthorizationCode><!\[CDATA\[(.+?)\]\]>").Groups[1].Value;

        var query = await host.QueryAuthAsync(componentToken, code);

        Assert.Equal(world.VerifiedServiceAccount, query.GetProperty("authorization_info").Text("authorizer_appid"));
    }

    [Fact]
    public async Task A_new_member_is_pushed_as_change_contact_and_can_be_looked_up()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(1));

        var push = await host.Client.PostJsonAsync("control/pushes/change-contact", new { corpid = corp.CorpId, name = "Ma Rui", department_id = 2 });
        await host.FinishedPushAsync(push.PushId());

        var change = Assert.Single(receiver.Of("change_contact"));
        Assert.Equal(SandboxHost.SuiteId, change.ReceiveId);
        var userId = System.Text.RegularExpressions.Regex.Match(change.Message, @"<UserID><!\[CDATA\[(.+?)\]\]>").Groups[1].Value;
        var user = await host.Client.GetJsonAsync($"wecom/cgi-bin/user/get?access_token={corp.AccessToken}&userid={userId}");
        Assert.Equal("Ma Rui", user.Text("name"));
    }

    [Fact]
    public async Task A_renamed_or_departed_member_is_pushed_as_update_user_or_delete_user()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SandboxHost.StartAsync(receiver.BaseAddress);
        var world = await WorldView.ReadAsync(host);
        var corp = await host.InstallCorpAsync(world.CorpId(1));
        var (renamed, departed) = (world.StaffUserId(1, 0), world.StaffUserId(1, 1));

        var update = await host.Client.PostJsonAsync("control/pushes/change-contact/update-user", new { corpid = corp.CorpId, userid = renamed, name = "Zhou Min (GM)" });
        await host.FinishedPushAsync(update.PushId());
        var delete = await host.Client.PostJsonAsync("control/pushes/change-contact/delete-user", new { corpid = corp.CorpId, userid = departed });
        await host.FinishedPushAsync(delete.PushId());

        var changes = receiver.Of("change_contact").Select(c => c.Message).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains("<ChangeType><![CDATA[update_user]]></ChangeType>", changes[0], StringComparison.Ordinal);
        Assert.Contains("Zhou Min (GM)", changes[0], StringComparison.Ordinal);
        Assert.Contains("<ChangeType><![CDATA[delete_user]]></ChangeType>", changes[1], StringComparison.Ordinal);
        Assert.Equal("Zhou Min (GM)", (await host.Client.GetJsonAsync($"wecom/cgi-bin/user/get?access_token={corp.AccessToken}&userid={renamed}")).Text("name"));
        Assert.Equal(60111, (await host.Client.GetJsonAsync($"wecom/cgi-bin/user/get?access_token={corp.AccessToken}&userid={departed}")).Errcode());
    }
}
