using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Data;
using WeLink.Server.Members.Consents;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.Joining;
using WeLink.Server.Tests.Complaints;
using WeLink.Workflow.Actions;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Tests.Members;

/// <summary>
/// The joining process on the engine, driven as the join endpoint drives it: the card issued at the starting tier, the
/// opening gift requested once, the welcome from the brand's mini program, and the marketing offers only with the
/// member's marketing consent in force (a withdrawal is recorded in the ledger with its reason).
/// </summary>
public abstract class MemberCardProcessTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string SubscribeSend = "subscribe/send";

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Joining_issues_the_card_requests_the_gift_once_and_sends_the_welcome_and_the_offers_the_member_consented_to()
    {
        var member = await MemberAsync(_world.People[0], acceptances: 2);
        await ConsentAsync(member, (ConsentPurpose.Service, true), (ConsentPurpose.Marketing, true));

        var caseId = await JoinAsync(member, "join-1");

        var messages = await _world.AwaitMessagesAsync(SubscribeSend, member.OpenId, 2, "the welcome and the offers");
        Assert.Equal(["会员卡"], messages.Select(m => m.GetProperty("body").GetProperty("data").GetProperty("thing1").GetProperty("value").GetString()).Distinct());
        Assert.All(messages, m => Assert.Equal($"pages/member/card?dealerId={_world.BeijingDealerId}", m.GetProperty("body").GetProperty("page").GetString()));
        var card = await Poll.UntilAsync(() => CardAsync(member.Id), c => c.Number is not null, Deadline.Delivery, "the card issued");
        Assert.Equal(("member", "fan"), (card.Status, card.Tier));
        Assert.Matches("^[1-9][0-9]{9}$", card.Number);
        Assert.Equal([100L], await Poll.UntilAsync(() => GiftsAsync(member.Id), g => g.Count > 0, Deadline.Delivery, "the opening gift requested"));
        Assert.Equal("card_issued", (await _world.CaseAsync(caseId)).State);
    }

    [Fact]
    public async Task After_marketing_is_withdrawn_the_offers_are_not_sent_and_the_ledger_says_why_while_the_welcome_is()
    {
        var member = await MemberAsync(_world.People[1], acceptances: 2);
        await ConsentAsync(member, (ConsentPurpose.Service, true), (ConsentPurpose.Marketing, true));
        await ConsentAsync(member, (ConsentPurpose.Marketing, false));

        var caseId = await JoinAsync(member, "join-2");

        var reason = await Poll.UntilAsync(
            () => _world.QuerySingleAsync<string?>("SELECT MAX(reason) FROM case_messages WHERE case_id = @caseId AND status = 'undeliverable'", new { caseId }),
            r => r is not null,
            Deadline.Delivery,
            "the offers recorded as not sent");
        Assert.Equal("会员未同意接收营销信息，未发送", reason);
        var welcome = Assert.Single(await _world.AwaitMessagesAsync(SubscribeSend, member.OpenId, 1, "the welcome"));
        Assert.Equal("已入会", welcome.GetProperty("body").GetProperty("data").GetProperty("phrase2").GetProperty("value").GetString());
        await Poll.UntilAsync(
            () => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM case_messages WHERE case_id = @caseId AND status = 'sent'", new { caseId }),
            count => count == 1,
            Deadline.Delivery,
            "the welcome marked sent");
        Assert.Single(await _world.MessagesAsync(SubscribeSend, member.OpenId));
    }

    [Fact]
    public async Task Consent_is_asked_per_purpose_and_someone_who_never_joined_still_hears_about_what_they_asked_for()
    {
        var consents = _world.Host.Services.GetRequiredService<IMemberConsents>();
        var (stranger, strangerOpenId) = await _world.MiniProgramConsumerAsync(_world.People[2]);
        stranger.Dispose();
        var strangerId = await ConsumerIdAsync(strangerOpenId);
        Assert.True(await consents.AllowsAsync(strangerId, ConsentPurpose.Service, CancellationToken.None));
        Assert.False(await consents.AllowsAsync(strangerId, ConsentPurpose.Marketing, CancellationToken.None));

        var member = await MemberAsync(_world.People[0], acceptances: 0);
        await ConsentAsync(member, (ConsentPurpose.Service, true), (ConsentPurpose.Marketing, true));
        Assert.True(await consents.AllowsAsync(member.ConsumerId, ConsentPurpose.Marketing, CancellationToken.None));
        await ConsentAsync(member, (ConsentPurpose.Service, false), (ConsentPurpose.Marketing, false));
        Assert.False(await consents.AllowsAsync(member.ConsumerId, ConsentPurpose.Marketing, CancellationToken.None));
        Assert.False(await consents.AllowsAsync(member.ConsumerId, ConsentPurpose.Service, CancellationToken.None));
        Assert.False(await consents.AllowsAsync(member.ConsumerId, ConsentPurpose.Location, CancellationToken.None));

        var history = await _world.Host.Services.GetRequiredService<MemberConsents>().HistoryAsync(member.Id, CancellationToken.None);
        Assert.Equal(4, history.Count);
        var inForce = await _world.Host.Services.GetRequiredService<MemberConsents>().InForceAsync(member.Id, CancellationToken.None);
        Assert.Equal([(ConsentPurpose.Service, false), (ConsentPurpose.Marketing, false)], inForce.Select(c => (c.Purpose, c.Granted)));
    }

    [Fact]
    public async Task A_repeated_delivery_of_the_card_and_gift_actions_keeps_the_number_and_requests_nothing_more()
    {
        var member = await MemberAsync(_world.People[0], acceptances: 0);
        await ConsentAsync(member, (ConsentPurpose.Service, true));
        var caseId = await JoinAsync(member, "join-3");
        var card = await Poll.UntilAsync(() => CardAsync(member.Id), c => c.Number is not null, Deadline.Delivery, "the card issued");
        await Poll.UntilAsync(() => GiftsAsync(member.Id), g => g.Count == 1, Deadline.Delivery, "the gift requested");
        var item = await _world.QuerySingleAsync<(string Key, string Payload)>(
            "SELECT idempotency_key AS Key, payload AS Payload FROM outbox WHERE case_id = @caseId AND action = @action",
            new { caseId, action = RequestOpeningGiftAction.ActionName });

        var context = new CaseActionContext(
            caseId, _world.BrandId, _world.BeijingDealerId, RequestOpeningGiftAction.ActionName, null, item.Key, 2, JsonNode.Parse(item.Payload)!.AsObject());
        await _world.Host.Services.GetServices<ICaseActionHandler>().Single(h => h.Name == RequestOpeningGiftAction.ActionName).HandleAsync(context, CancellationToken.None);
        await _world.Host.Services.GetRequiredService<CardIssue>().IssueAsync(_world.BrandId, member.Id, "gold", CancellationToken.None);

        Assert.Equal([100L], await GiftsAsync(member.Id));
        Assert.Equal(card, await CardAsync(member.Id));
    }

    /// <summary>
    /// The person opens the mini program, with <paramref name="acceptances"/> subscribe acceptances; their record is the
    /// one the sign-in linked (a known member holding their mini-program identity).
    /// </summary>
    private async Task<TestMember> MemberAsync(string person, int acceptances)
    {
        var (client, openId) = await _world.MiniProgramConsumerAsync(person);
        using (client)
        {
            for (var i = 0; i < acceptances; i++)
            {
                await MiniProgramSubscriptions.AcceptAsync(_world, client, openId);
            }
        }

        var consumerId = await ConsumerIdAsync(openId);
        var memberId = await _world.Host.Services.GetRequiredService<IMemberLinks>().SeenAsync(
            new MemberSighting(_world.BrandId, _world.BeijingDealerId, MemberIdentity.MiniProgram(_world.MiniProgramAppId, openId), null, consumerId), CancellationToken.None);
        return new TestMember(memberId, consumerId, openId);
    }

    private Task<Guid> ConsumerIdAsync(string openId) => _world.QuerySingleAsync<Guid>("SELECT id FROM consumers WHERE open_id = @openId", new { openId });

    private Task ConsentAsync(TestMember member, params (ConsentPurpose Purpose, bool Granted)[] answers) =>
        _world.Host.Services.GetRequiredService<MemberConsents>().RecordAsync(
            _world.BrandId, member.Id, [.. answers.Select(a => new ConsentAnswer(a.Purpose, a.Granted, "2026-12"))], "miniprogram", CancellationToken.None);

    /// <summary>Starts the member's joining case and takes its two steps, as the join endpoint does.</summary>
    private async Task<Guid> JoinAsync(TestMember member, string key)
    {
        var engine = _world.Host.Services.GetRequiredService<CaseEngine>();
        var actor = Actor.Consumer(member.ConsumerId.ToString());
        var started = Assert.IsType<CaseMoved>(await engine.StartAsync(
            new StartCase(MemberCardDefinition.Key, _world.BrandId, _world.BeijingDealerId, member.Id.ToString(),
                new JsonObject { [CasePayload.ConsumerField] = member.ConsumerId.ToString() }, key, actor, member.Id.ToString()),
            CancellationToken.None));
        var scope = CaseScope.Dealer(_world.BrandId, _world.BeijingDealerId);
        Assert.IsType<CaseMoved>(await engine.FireAsync(
            new FireTrigger(started.CaseId, scope, MemberCardDefinition.Triggers.ConfirmPhone, actor, [], key + ":phone"), CancellationToken.None));
        Assert.IsType<CaseMoved>(await engine.FireAsync(
            new FireTrigger(started.CaseId, scope, MemberCardDefinition.Triggers.RecordConsent, actor, new JsonObject { ["textVersion"] = "2026-12" }, key + ":consent"),
            CancellationToken.None));
        return started.CaseId;
    }

    private Task<(string Status, string? Number, string? Tier)> CardAsync(Guid memberId) =>
        _world.QuerySingleAsync<(string, string?, string?)>("SELECT status, member_number, tier FROM members WHERE id = @memberId", new { memberId });

    private async Task<IReadOnlyList<long>> GiftsAsync(Guid memberId)
    {
        await using var connection = await _world.Database.OpenAsync();
        return [.. await connection.QueryAsync<long>("SELECT points FROM member_gifts WHERE member_id = @memberId", new { memberId })];
    }

    private sealed record TestMember(Guid Id, Guid ConsumerId, string OpenId);
}

public sealed class MemberCardProcessTests_on_Sqlite() : MemberCardProcessTests(DatabaseProvider.Sqlite);

public sealed class MemberCardProcessTests_on_Postgres() : MemberCardProcessTests(DatabaseProvider.Postgres);
