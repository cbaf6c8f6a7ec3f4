using System.Text.RegularExpressions;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Messaging;

public sealed partial class ConsumerMediaTests
{
    [Fact]
    public async Task A_consumers_picture_and_voice_are_pushed_with_a_media_id_the_account_fetches_for_three_days_and_no_other_account_can()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var other = await host.AuthorizeAccountAsync(world.AccountAppId("SubscriptionAccount", verified: true));
        await host.FollowAsync(world.ConsumerId(0), account.AppId);

        var picture = await PushedAsync(host, "send-image", world.ConsumerId(0), account.AppId);
        var voice = await PushedAsync(host, "send-voice", world.ConsumerId(0), account.AppId);

        Assert.Contains("<MsgType><![CDATA[image]]></MsgType>", picture.Plaintext, StringComparison.Ordinal);
        Assert.Contains("<PicUrl>", picture.Plaintext, StringComparison.Ordinal);
        Assert.Contains("<Format><![CDATA[amr]]></Format>", voice.Plaintext, StringComparison.Ordinal);
        Assert.Contains("<MsgId>", voice.Plaintext, StringComparison.Ordinal);
        using var png = await host.Client.GetAsync(new Uri($"wechat/cgi-bin/media/get?access_token={account.AccessToken}&media_id={picture.MediaId}", UriKind.Relative));
        using var amr = await host.Client.GetAsync(new Uri($"wechat/cgi-bin/media/get?access_token={account.AccessToken}&media_id={voice.MediaId}", UriKind.Relative));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await png.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal("audio/amr", amr.Content.Headers.ContentType?.MediaType);
        Assert.Equal(40007, (await host.Client.GetJsonAsync($"wechat/cgi-bin/media/get?access_token={other.AccessToken}&media_id={picture.MediaId}")).Errcode());

        host.Advance(TimeSpan.FromDays(3));
        var later = await host.AuthorizeAccountAsync(account.AppId);
        Assert.Equal(40007, (await host.Client.GetJsonAsync($"wechat/cgi-bin/media/get?access_token={later.AccessToken}&media_id={picture.MediaId}")).Errcode());
    }

    private static async Task<(string Plaintext, string MediaId)> PushedAsync(SandboxHost host, string action, string consumerId, string appId)
    {
        var sent = await host.Client.PostJsonAsync($"control/consumers/{action}", new { consumer_id = consumerId, appid = appId });
        var push = await host.Client.GetJsonAsync($"control/pushes/{sent.GetProperty("push_id").GetInt64()}");
        var plaintext = push.Text("plaintext");
        return (plaintext, MediaIdOf().Match(plaintext).Groups[1].Value);
    }

    [GeneratedRegex(@"<MediaId><!\[CDATA\[(\w+)\]\]></MediaId>")]
    private static partial Regex MediaIdOf();
}
