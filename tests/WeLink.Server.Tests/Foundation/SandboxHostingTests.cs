using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Wechat.OpenPlatform;

namespace WeLink.Server.Tests.Foundation;

public sealed class SandboxHostingTests
{
    [Fact]
    public async Task With_the_sandbox_enabled_the_wechat_clients_talk_to_it_with_its_credentials()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var host = await WeLinkTestHost.StartAsync(database.HostArgs);
        var component = host.Services.GetRequiredService<ComponentClient>();

        await component.StartPushTicketAsync(CancellationToken.None);

        Assert.Equal(SandboxSettings.ComponentAppId, component.ComponentAppid);
        var world = await host.Http.GetAsync(new Uri("/sandbox/control/world", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, world.StatusCode);
    }

    [Fact]
    public async Task With_the_sandbox_disabled_none_of_its_routes_exist()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var host = await WeLinkTestHost.StartAsync(
        [
            .. database.HostArgs,
            .. SandboxSettings.RealPlatformArgs,
        ]);

        var world = await host.Http.GetAsync(new Uri("/sandbox/control/world", UriKind.Relative));
        var token = await host.Http.PostAsync(new Uri("/sandbox/wechat/cgi-bin/component/api_component_token", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, world.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Equal("https://api.weixin.qq.com/", host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WeLink.Wechat.Options.WeChatOptions>>().Value.ApiBaseUrl.ToString());
    }
}
