using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Tests.Cases.Messaging;

/// <summary>
/// The messenger sends at most once per idempotency key, through the sandbox as WeCom, on a real complaint case. A crash
/// between the send and the ledger's mark is played by claiming the key in the ledger as the crashed sender did.
/// </summary>
public abstract class CaseMessengerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ComplaintWorld _world = null!;
    private Guid _caseId;

    public async Task InitializeAsync()
    {
        _world = await ComplaintWorld.StartAsync(provider);
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        _caseId = (await ComplaintTests.FileAsync(consumer, "messenger", "服务态度", "normal")).Id;
        await _world.AwaitMessagesAsync(ComplaintTests.WecomSend, _world.Advisor.UserId, 1, "the advisor's card");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private CaseMessenger Messenger => _world.Host.Services.GetRequiredService<CaseMessenger>();

    private CaseMessageLedger Ledger => _world.Host.Services.GetRequiredService<CaseMessageLedger>();

    private StaffMessage ToAdvisor(string key) => new(
        key, _caseId, _world.BeijingDealerId, [_world.Advisor.UserId], $"test: {key}", (to, agent) => MessageSendRequest.ForText(to, agent, "测试消息"));

    private async Task<int> TextsToAdvisorAsync() =>
        (await _world.MessagesAsync(ComplaintTests.WecomSend, _world.Advisor.UserId)).Count(m => m.GetProperty("msg_type").GetString() == "text");

    private Task<bool> ClaimAsCrashedSenderAsync(string key) =>
        Ledger.TryClaimAsync(
            new CaseMessageClaim(key, _caseId, CaseMessenger.StaffChannel, _world.Advisor.UserId, $"test: {key}", _world.Clock.GetUtcNow()),
            _world.Clock.GetUtcNow() - TimeSpan.FromMinutes(1),
            CancellationToken.None);

    [Fact]
    public async Task A_second_delivery_of_a_sent_key_sends_nothing()
    {
        await Messenger.SendToStaffAsync(ToAdvisor("once"), CancellationToken.None);
        await Messenger.SendToStaffAsync(ToAdvisor("once"), CancellationToken.None);

        Assert.Equal(1, await TextsToAdvisorAsync());
        var row = await Ledger.FindAsync("once", CancellationToken.None);
        Assert.Equal(("sent", 1L), (row!.Status, row.Attempts));
    }

    [Fact]
    public async Task A_crash_between_send_and_record_repeats_the_message_once_after_the_lease_and_never_again()
    {
        Assert.True(await ClaimAsCrashedSenderAsync("crash"));

        // Within the lease the claim may still be a live sender: the delivery is retried later, and nothing is sent now.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Messenger.SendToStaffAsync(ToAdvisor("crash"), CancellationToken.None));
        Assert.Equal(0, await TextsToAdvisorAsync());

        _world.Clock.Advance(TimeSpan.FromMinutes(2));
        await Messenger.SendToStaffAsync(ToAdvisor("crash"), CancellationToken.None);
        await Messenger.SendToStaffAsync(ToAdvisor("crash"), CancellationToken.None);

        Assert.Equal(1, await TextsToAdvisorAsync());
        var row = await Ledger.FindAsync("crash", CancellationToken.None);
        Assert.Equal(("sent", 2L), (row!.Status, row.Attempts));
    }

    [Fact]
    public async Task After_a_repeat_that_crashed_too_the_message_is_not_sent_a_third_time()
    {
        Assert.True(await ClaimAsCrashedSenderAsync("twice"));
        _world.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await ClaimAsCrashedSenderAsync("twice"));
        _world.Clock.Advance(TimeSpan.FromMinutes(2));

        await Messenger.SendToStaffAsync(ToAdvisor("twice"), CancellationToken.None);

        Assert.Equal(0, await TextsToAdvisorAsync());
        Assert.False(await ClaimAsCrashedSenderAsync("twice"));
    }
}

public sealed class CaseMessengerTests_on_Sqlite() : CaseMessengerTests(DatabaseProvider.Sqlite);

public sealed class CaseMessengerTests_on_Postgres() : CaseMessengerTests(DatabaseProvider.Postgres);
