using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contacts;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Server.Tests.Complaints;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Tests.Identities;

/// <summary>
/// WeCom's change_external_contact pushes, sent by the sandbox over real HTTP to WeLink's suite instruction URL as staff
/// add, edit and delete customers: WeLink keeps the dealer corp's external contacts and links each to the member of
/// their unionid.
/// </summary>
public abstract class ExternalContactChangeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_consumer_added_by_staff_is_recorded_and_linked_to_the_member_of_their_unionid()
    {
        var person = _world.People[1];
        await _world.FollowAsync(person);
        var openId = await _world.OpenIdAsync(person);
        var unionId = await Poll.UntilAsync(
            () => _world.QuerySingleAsync<string>("SELECT COALESCE(MAX(union_id), '') FROM consumers WHERE open_id = @openId", new { openId }),
            u => u.Length > 0,
            Deadline.BackgroundWork,
            "WeLink knowing the follower's unionid");
        var links = _world.Host.Services.GetRequiredService<IMemberLinks>();
        var member = await links.SeenAsync(
            new MemberSighting(_world.BrandId, _world.BeijingDealerId, MemberIdentity.Account(_world.BeijingAppId, openId), unionId), CancellationToken.None);

        var externalUserId = await AddAsync(person, _world.Manager.UserId, "showroom-qr");

        var row = await AwaitContactAsync(externalUserId, c => c.Status == ExternalContactStore.Added && c.UnionId is not null);
        Assert.Equal((_world.BeijingDealerId, unionId, "Wang Fang", "showroom-qr"), (row.DealerId, row.UnionId, row.Name, row.State));
        Assert.Equal([_world.Manager.UserId], row.FollowUserIds);
        var linked = await Poll.UntilAsync(
            () => links.FindAsync(_world.BrandId, MemberIdentity.ExternalContact(_world.BeijingCorpId, externalUserId), CancellationToken.None),
            id => id is not null,
            Deadline.BackgroundWork,
            "the contact linked to a member");
        Assert.Equal(member, linked);
    }

    [Fact]
    public async Task An_edit_keeps_the_contact_and_deletes_by_staff_and_by_the_customer_take_members_off_until_nobody_has_them()
    {
        var person = _world.People[2];
        var externalUserId = await AddAsync(person, _world.Manager.UserId, state: null);
        await AwaitContactAsync(externalUserId, c => c.FollowUserIds.Count == 1);
        await AddAsync(person, _world.Advisor.UserId, state: null);
        var both = await AwaitContactAsync(externalUserId, c => c.FollowUserIds.Count == 2);

        var edit = await _world.ControlAsync(
            "wecom/external-contacts/edit", new { corpid = _world.BeijingCorpId, userid = _world.Manager.UserId, external_userid = externalUserId, remark = "张女士 预约试驾" });
        await AwaitPushAnsweredAsync(edit);
        var edited = await AwaitInboxDoneAsync(externalUserId, "edit_external_contact");
        var afterEdit = await ContactAsync(externalUserId);
        await DeleteAsync(externalUserId, _world.Manager.UserId, byCustomer: false);
        var afterStaff = await AwaitContactAsync(externalUserId, c => c.FollowUserIds.Count == 1);
        await DeleteAsync(externalUserId, _world.Advisor.UserId, byCustomer: true);
        var gone = await AwaitContactAsync(externalUserId, c => c.Status == ExternalContactStore.Deleted);

        Assert.Equal(1, edited);
        Assert.Equal(ExternalContactStore.Added, afterEdit!.Status);
        Assert.Equal(both.FollowUserIds, afterEdit.FollowUserIds);
        Assert.Equal([_world.Advisor.UserId], afterStaff.FollowUserIds);
        Assert.Empty(gone.FollowUserIds);
        Assert.Equal("Zhang Min", gone.Name);
    }

    [Fact]
    public async Task A_replayed_or_older_push_changes_nothing_and_a_newer_one_applies()
    {
        // The seeded world has the first person as the manager's contact already; the advisor adds them now.
        var person = _world.People[0];
        var externalUserId = await AddAsync(person, _world.Advisor.UserId, state: null);
        var recorded = await AwaitContactAsync(externalUserId, c => c.Status == ExternalContactStore.Added);
        var handler = _world.Host.Services.GetRequiredService<ExternalContactChangeHandler>();
        var at = recorded.ChangedAt.ToUnixTimeSeconds();

        await HandleAsync(handler, Push(_world.BeijingCorpId, "del_external_contact", _world.Advisor.UserId, externalUserId, at - 60));
        await HandleAsync(handler, Push(_world.BeijingCorpId, "add_external_contact", _world.Advisor.UserId, externalUserId, at));
        var unchanged = await ContactAsync(externalUserId);
        foreach (var userId in recorded.FollowUserIds)
        {
            await HandleAsync(handler, Push(_world.BeijingCorpId, "del_follow_user", userId, externalUserId, at + 60));
        }

        var newer = await ContactAsync(externalUserId);

        Assert.Equal(new[] { _world.Manager.UserId, _world.Advisor.UserId }.Order(), recorded.FollowUserIds.Order());
        Assert.Equal(Shape(recorded), Shape(unchanged!));
        Assert.Equal((ExternalContactStore.Deleted, at + 60), (newer!.Status, newer.ChangedAt.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task A_push_for_a_corp_no_dealer_links_is_ignored_with_a_log_line()
    {
        var services = _world.Host.Services;
        var logger = new FakeLogger<ExternalContactChangeHandler>();
        var handler = new ExternalContactChangeHandler(
            services.GetRequiredService<IDealerDirectory>(),
            services.GetRequiredService<IDealerRegistry>(),
            services.GetRequiredService<ExternalContacts>(),
            services.GetRequiredService<ExternalContactStore>(),
            services.GetRequiredService<ContactLinker>(),
            services.GetRequiredService<IMemberLinks>(),
            logger);

        await HandleAsync(handler, Push("wpunknowncorp", "add_external_contact", "zhangsan", "wmunknowncontact", 1_800_000_000));

        Assert.Null(await ContactAsync("wmunknowncontact", "wpunknowncorp"));
        var line = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("change_external_contact add_external_contact for corp wpunknowncorp, which no dealer links; ignored", line.Message);
    }

    private async Task<string> AddAsync(string person, string userId, string? state)
    {
        var added = await _world.ControlAsync(
            "wecom/external-contacts/add", new { corpid = _world.BeijingCorpId, userid = userId, consumer_id = person, state });
        await AwaitPushAnsweredAsync(added);
        return added.GetProperty("external_userid").GetString()!;
    }

    private async Task DeleteAsync(string externalUserId, string userId, bool byCustomer) =>
        await AwaitPushAnsweredAsync(await _world.ControlAsync(
            "wecom/external-contacts/delete", new { corpid = _world.BeijingCorpId, userid = userId, external_userid = externalUserId, by_customer = byCustomer }));

    /// <summary>The push delivered to WeLink (answered), so its inbox row exists.</summary>
    private async Task AwaitPushAnsweredAsync(JsonElement change)
    {
        var pushId = change.GetProperty("push_id").GetInt64();
        var push = JsonDocument.Parse(await _world.Host.Http.GetStringAsync(new Uri($"/sandbox/control/pushes/{pushId}?wait_seconds=20", UriKind.Relative))).RootElement;
        Assert.Equal("Delivered", push.GetProperty("status").GetString());
    }

    private Task<int> AwaitInboxDoneAsync(string externalUserId, string changeType) => Poll.UntilAsync(
        () => _world.QuerySingleAsync<int>(
            "SELECT COUNT(*) FROM inbox WHERE payload LIKE @pattern AND payload LIKE @contact AND status = 'done'",
            new { pattern = $"%{changeType}%", contact = $"%{externalUserId}%" }),
        count => count > 0,
        Deadline.BackgroundWork,
        $"WeLink's inbox done with {changeType}");

    private Task<ExternalContactRecord?> ContactAsync(string externalUserId, string? corpId = null) =>
        _world.Host.Services.GetRequiredService<ExternalContactStore>().FindAsync(corpId ?? _world.BeijingCorpId, externalUserId, CancellationToken.None);

    private async Task<ExternalContactRecord> AwaitContactAsync(string externalUserId, Func<ExternalContactRecord, bool> matches) =>
        (await Poll.UntilAsync(() => ContactAsync(externalUserId), c => c is not null && matches(c), Deadline.BackgroundWork, "the external contact as WeLink records it"))!;

    private static (string Status, string Followers, DateTimeOffset ChangedAt, string? UnionId, string? Name) Shape(ExternalContactRecord contact) =>
        (contact.Status, string.Join(',', contact.FollowUserIds), contact.ChangedAt, contact.UnionId, contact.Name);

    private static Task HandleAsync(ExternalContactChangeHandler handler, string xml) => handler.HandleAsync(
        new InboxEvent(Guid.CreateVersion7(), CallbackChannel.Suite, null, DateTimeOffset.UtcNow, 1), CallbackMessageParser.Parse(xml), CancellationToken.None);

    private static string Push(string corpId, string changeType, string userId, string externalUserId, long timeStamp) =>
        $"<xml><SuiteId><![CDATA[{SandboxSettings.SuiteId}]]></SuiteId><AuthCorpId><![CDATA[{corpId}]]></AuthCorpId>"
        + $"<InfoType><![CDATA[change_external_contact]]></InfoType><TimeStamp>{timeStamp}</TimeStamp><ChangeType><![CDATA[{changeType}]]></ChangeType>"
        + $"<UserID><![CDATA[{userId}]]></UserID><ExternalUserID><![CDATA[{externalUserId}]]></ExternalUserID></xml>";
}

public sealed class ExternalContactChangeTests_on_Sqlite() : ExternalContactChangeTests(DatabaseProvider.Sqlite);

public sealed class ExternalContactChangeTests_on_Postgres() : ExternalContactChangeTests(DatabaseProvider.Postgres);
