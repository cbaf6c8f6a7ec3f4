using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Server.Data;
using WeLink.Server.Members.Api;
using WeLink.Server.Members.Cards;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Members;

/// <summary>
/// Joining from the brand's mini program over real HTTP: the phone button's code exchanged with the sandbox's WeChat,
/// the card and the welcome on the sandbox phone, a double tap joining once, a member joining again refused, a declined
/// phone button or a refused service consent refused, and consents withdrawn from the data page taking effect at once.
/// </summary>
public abstract class MemberJoinTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string SubscribeSend = "subscribe/send";

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Joining_confirms_the_phone_issues_the_card_and_the_welcome_reaches_the_phone()
    {
        var person = _world.People[0];
        var (client, openId) = await _world.MiniProgramConsumerAsync(person);
        using (client)
        {
            await MiniProgramSubscriptions.AcceptAsync(_world, client, openId);
            await MiniProgramSubscriptions.AcceptAsync(_world, client, openId);

            var joined = await MemberRequests.JoinAsync(_world, client, person, "join-1", "李伟", marketing: true);

            Assert.Equal(("member", "fan", "蜜粉", "李伟"), (joined.Status, joined.Tier, joined.TierLabel, joined.Name));
            Assert.Matches("^[1-9][0-9]{9}$", joined.Number);
            Assert.Equal(MaskedPhone(person), joined.Phone);
            Assert.Equal(_world.BeijingDealerId, joined.HomeDealer.Id);
            Assert.Equal([("service", true), ("marketing", true)], joined.Consents.Select(c => (c.Purpose, c.Granted)));
            var messages = await _world.AwaitMessagesAsync(SubscribeSend, openId, 2, "the welcome and the offers");
            Assert.Contains(messages, m => m.GetProperty("body").GetProperty("data").GetProperty("thing4").GetProperty("value").GetString() == "欢迎成为会员，会员卡已开通");

            var card = (await client.GetFromJsonAsync<MemberCardResponse>(new Uri("/api/consumer/member/card", UriKind.Relative)))!;
            Assert.Equal((joined.Number, "蜜粉", "李伟"), (card.Number, card.TierLabel, card.Name));
            Assert.True(card.ExpiresAt > DateTimeOffset.UtcNow);
            var check = await _world.Host.Services.GetRequiredService<MemberCardCodes>().VerifyAsync(_world.BrandId, card.Code, CancellationToken.None);
            Assert.Equal(new CardCodeCheck.Valid(joined.Number!), check);
            Assert.Equal(100L, await Poll.UntilAsync(
                () => _world.QuerySingleAsync<long>("SELECT COALESCE(SUM(points), 0) FROM member_gifts", new { }), p => p > 0, Deadline.Delivery, "the opening gift"));
        }
    }

    [Fact]
    public async Task A_double_tap_joins_once_and_a_member_applying_again_is_told_they_are_one()
    {
        var person = _world.People[1];
        var (client, _) = await _world.MiniProgramConsumerAsync(person);
        using (client)
        {
            var code = await MemberRequests.PhoneCodeAsync(_world, person);
            var first = await MemberRequests.JoinWithCodeAsync(client, code, "double-tap", null, marketing: false);
            var second = await MemberRequests.JoinWithCodeAsync(client, code, "double-tap", null, marketing: false);

            Assert.Equal(first.Number, second.Number);
            Assert.Equal(1L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM cases WHERE definition_key = 'member_card'", new { }));
            Assert.Equal(1L, await Poll.UntilAsync(
                () => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM member_gifts", new { }), n => n > 0, Deadline.Delivery, "the opening gift"));

            using var again = await MemberRequests.PostJoinAsync(client, await MemberRequests.PhoneCodeAsync(_world, person), "join-again", null, marketing: false);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("您已经是会员了", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_declined_phone_button_or_a_refused_service_consent_is_refused_in_chinese_and_joins_nobody()
    {
        var person = _world.People[2];
        var (client, _) = await _world.MiniProgramConsumerAsync(person);
        using (client)
        {
            var declined = await _world.ControlAsync($"miniprogram/{_world.MiniProgramAppId}/phone-number", new { consumer = person, allow = false });
            Assert.False(declined.TryGetProperty("code", out var none) && none.ValueKind == System.Text.Json.JsonValueKind.String);

            using var withoutPhone = await MemberRequests.PostJoinAsync(client, null, "no-phone", null, marketing: false);
            Assert.Equal(HttpStatusCode.BadRequest, withoutPhone.StatusCode);
            Assert.Contains("加入会员需要验证手机号", await withoutPhone.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var withoutService = await MemberRequests.PostAsync(client, "/api/consumer/member/join", "no-service", new
            {
                phoneCode = await MemberRequests.PhoneCodeAsync(_world, person),
                consents = new[] { new { purpose = "service", granted = false } },
                textVersion = MemberRequests.TextVersion,
            });
            Assert.Equal(HttpStatusCode.BadRequest, withoutService.StatusCode);
            Assert.Contains("加入会员需要同意接收服务通知", await withoutService.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var spent = await MemberRequests.PostJoinAsync(client, "not-a-phone-code", "bad-code", null, marketing: false);
            Assert.Equal(HttpStatusCode.BadRequest, spent.StatusCode);
            Assert.Contains("手机号授权已失效", await spent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var me = (await client.GetFromJsonAsync<ConsumerMemberResponse>(new Uri("/api/consumer/member", UriKind.Relative)))!;
            Assert.Equal(("known", null), (me.Status, me.Number));
            Assert.Equal(0L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM cases WHERE definition_key = 'member_card'", new { }));
        }
    }

    [Fact]
    public async Task Withdrawing_marketing_on_the_data_page_is_one_answer_and_takes_effect_at_once()
    {
        var person = _world.People[0];
        var (client, openId) = await _world.MiniProgramConsumerAsync(person);
        using (client)
        {
            await MemberRequests.JoinAsync(_world, client, person, "join-consents", null, marketing: true);
            var consumerId = await _world.QuerySingleAsync<Guid>("SELECT id FROM consumers WHERE open_id = @openId", new { openId });
            var consents = _world.Host.Services.GetRequiredService<IMemberConsents>();
            Assert.True(await consents.AllowsAsync(consumerId, ConsentPurpose.Marketing, CancellationToken.None));

            using var withdrawn = await MemberRequests.PostAsync(client, "/api/consumer/member/consents", "withdraw", new
            {
                consents = new[] { new { purpose = "marketing", granted = false } },
                textVersion = MemberRequests.TextVersion,
            });

            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
            var inForce = (await withdrawn.Content.ReadFromJsonAsync<List<ConsentResponse>>())!;
            Assert.Equal([("service", true), ("marketing", false)], inForce.Select(c => (c.Purpose, c.Granted)));
            Assert.Equal("营销信息", inForce[1].Label);
            Assert.False(await consents.AllowsAsync(consumerId, ConsentPurpose.Marketing, CancellationToken.None));
            Assert.True(await consents.AllowsAsync(consumerId, ConsentPurpose.Service, CancellationToken.None));
        }
    }

    [Fact]
    public async Task The_member_moves_their_home_dealer_to_another_live_dealer_of_the_brand_only()
    {
        var person = _world.People[1];
        var (client, _) = await _world.MiniProgramConsumerAsync(person);
        using (client)
        {
            await MemberRequests.JoinAsync(_world, client, person, "join-home", null, marketing: false);

            using var moved = await MemberRequests.SendAsync(client, HttpMethod.Put, "/api/consumer/member/home-dealer", "home", new { dealerId = _world.ShanghaiDealerId });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            Assert.Equal(_world.ShanghaiDealerId, (await moved.Content.ReadFromJsonAsync<ConsumerMemberResponse>())!.HomeDealer.Id);

            using var unknown = await MemberRequests.SendAsync(client, HttpMethod.Put, "/api/consumer/member/home-dealer", "home-unknown", new { dealerId = Guid.NewGuid() });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
            Assert.Contains("本品牌的经销商", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private string MaskedPhone(string person)
    {
        var phone = _world.Host.Services.GetRequiredService<SandboxWorld>().Snapshot().Consumers.Single(c => c.Consumer.Id == person).Consumer.Phone!;
        return string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7));
    }
}

public sealed class MemberJoinTests_on_Sqlite() : MemberJoinTests(DatabaseProvider.Sqlite);

public sealed class MemberJoinTests_on_Postgres() : MemberJoinTests(DatabaseProvider.Postgres);
