using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Identities;
using WeLink.Wechat.Messages;
using WeLink.Wechat.OfficialAccount;

namespace WeLink.Server.Tests.Identities;

/// <summary>
/// The follow handler on the payloads the sandbox really pushes (read back from its push log and parsed
/// with <see cref="CallbackMessageParser"/>), called directly as the inbox dispatcher will call it.
/// </summary>
public abstract class ConsumerFollowHandlerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private IdentityWorld _world = null!;

    public async Task InitializeAsync() => _world = await IdentityWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_follow_creates_the_consumer_with_its_unionid_and_a_redelivery_changes_nothing()
    {
        var person = _world.People[0];
        var follow = await PushedAsync("consumers/follow", new { consumer_id = person, appid = _world.BeijingAppId });

        Assert.True(ConsumerFollowHandler.Accepts(follow));
        await HandleAsync(follow);
        await HandleAsync(follow);

        var openId = await _world.OpenIdAsync(_world.BeijingAppId, person);
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM consumers"));
        Assert.Equal(ConsumerSubscription.Following, await ColumnAsync("subscription", openId));
        Assert.Equal(await _world.UnionIdAsync(_world.BeijingAppId, person), await ColumnAsync("union_id", openId));
        Assert.True(await BelongsToAsync(openId, _world.BeijingDealerId));
    }

    [Fact]
    public async Task An_unfollow_wins_over_the_older_follow_delivered_again_after_it()
    {
        var person = _world.People[1];
        var follow = await PushedAsync("consumers/follow", new { consumer_id = person, appid = _world.ShanghaiAppId });
        await _world.AdvanceSandboxAsync(TimeSpan.FromMinutes(1));
        var unfollow = await PushedAsync("consumers/unfollow", new { consumer_id = person, appid = _world.ShanghaiAppId });

        await HandleAsync(follow, _world.ShanghaiAppId);
        await HandleAsync(unfollow, _world.ShanghaiAppId);
        await HandleAsync(follow, _world.ShanghaiAppId);

        var openId = await _world.OpenIdAsync(_world.ShanghaiAppId, person);
        Assert.Equal(ConsumerSubscription.Unfollowed, await ColumnAsync("subscription", openId));
        Assert.True(await BelongsToAsync(openId, _world.ShanghaiDealerId));
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM consumers"));
    }

    [Fact]
    public async Task A_follow_through_a_staff_qr_code_is_attributed_and_a_later_scan_keeps_the_first_attribution()
    {
        var person = _world.People[2];
        var accounts = _world.Host.Services.GetRequiredService<OfficialAccountClient>();
        var staffCode = await accounts.CreateQrCodeAsync(
            _world.BeijingAppId, QrScene.Staff(_world.ManagerStaffId.ToString("N")), TimeSpan.FromDays(1), CancellationToken.None);
        var dealerCode = await accounts.CreateQrCodeAsync(
            _world.BeijingAppId, QrScene.Dealer(_world.BeijingDealerId.ToString("N")), lifetime: null, CancellationToken.None);

        var follow = await PushedAsync("consumers/scan-qrcode", new { consumer_id = person, ticket = staffCode.Ticket });
        await _world.AdvanceSandboxAsync(TimeSpan.FromMinutes(1));
        var scan = await PushedAsync("consumers/scan-qrcode", new { consumer_id = person, ticket = dealerCode.Ticket });
        Assert.IsType<SubscribeEvent>(follow);
        Assert.IsType<ScanEvent>(scan);
        await HandleAsync(follow);
        await HandleAsync(scan);

        var openId = await _world.OpenIdAsync(_world.BeijingAppId, person);
        Assert.Equal($"s:{_world.ManagerStaffId:N}", await ColumnAsync("source_scene", openId));
        Assert.Equal(ConsumerSubscription.Following, await ColumnAsync("subscription", openId));
    }

    [Fact]
    public async Task A_consumer_seen_first_through_sign_in_is_the_same_row_a_follow_updates()
    {
        var person = _world.People[0];
        using var browser = _world.NewBrowser();
        await IdentityWorld.SignInConsumerAsync(browser, _world.BeijingDealerId, person);

        await HandleAsync(await PushedAsync("consumers/follow", new { consumer_id = person, appid = _world.BeijingAppId }));

        var me = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<ConsumerProfileResponse>(
            browser, new Uri("/api/consumer/me", UriKind.Relative));
        Assert.Equal(ConsumerSubscription.Following, me!.Subscription);
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM consumers"));
    }

    [Fact]
    public async Task Events_of_an_account_no_dealer_links_and_other_messages_are_left_alone()
    {
        const string follow = """
            <xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[oUnlinkedFollower000000000000]]></FromUserName>
            <CreateTime>1764000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>
            """;
        const string text = """
            <xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[oUnlinkedFollower000000000000]]></FromUserName>
            <CreateTime>1764000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content><MsgId>1</MsgId></xml>
            """;

        await HandleAsync(CallbackMessageParser.Parse(follow), "wx00000000000000ff");

        Assert.False(ConsumerFollowHandler.Accepts(CallbackMessageParser.Parse(text)));
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM consumers"));
    }

    private Task<CallbackMessage> PushedAsync(string action, object body) => _world.PushedAsync(action, body);

    private Task HandleAsync(CallbackMessage message, string? appId = null) => _world.HandleFollowAsync(message, appId ?? _world.BeijingAppId);

    private async Task<bool> BelongsToAsync(string openId, Guid dealerId) =>
        await _world.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM consumers WHERE open_id = @openId AND dealer_id = @dealerId AND brand_id = @brandId",
            new { openId, dealerId, brandId = _world.BrandId }) == 1;

    private Task<string> ColumnAsync(string column, string openId) =>
        _world.Database.ScalarAsync<string>($"SELECT {column} FROM consumers WHERE open_id = @openId", new { openId });
}

public sealed class ConsumerFollowHandlerTests_on_Sqlite() : ConsumerFollowHandlerTests(DatabaseProvider.Sqlite);

public sealed class ConsumerFollowHandlerTests_on_Postgres() : ConsumerFollowHandlerTests(DatabaseProvider.Postgres);
