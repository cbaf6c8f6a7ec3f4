using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contacts;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Identities;

/// <summary>
/// Contacts linked to members as WeCom really lets a third-party app (protocol-wave2.md §7.3), against the sandbox over
/// real HTTP: the unionid WeLink reads with a follow is converted in the dealer's corp in the background, to the contact
/// when the person is one already, else to a pending_id that the contact they become gives back on its push.
/// </summary>
public abstract class ContactConversionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private IMemberLinks Links => _world.Host.Services.GetRequiredService<IMemberLinks>();

    [Fact]
    public async Task A_follower_added_later_by_the_dealers_staff_is_linked_to_their_member_through_the_pending_id()
    {
        var person = _world.People[1];
        var (member, openId) = await FollowAsync(person);
        var pendingId = await AwaitConversionAsync(openId, ContactConversionStore.Pending, "pending_id");

        var externalUserId = await AddByPushAsync(person, _world.BeijingCorpId, _world.Manager.UserId);

        Assert.StartsWith("p", pendingId, StringComparison.Ordinal);
        Assert.Equal(member, await AwaitLinkedAsync(_world.BeijingCorpId, externalUserId, member));
        Assert.Equal(externalUserId, await AwaitConversionAsync(openId, ContactConversionStore.Contact, "external_user_id"));
    }

    [Fact]
    public async Task A_contact_already_when_WeLink_learns_their_unionid_is_linked_through_the_external_userid_WeCom_answers()
    {
        var person = _world.People[2];
        var externalUserId = await AddByPushAsync(person, _world.BeijingCorpId, _world.Advisor.UserId);
        await Poll.UntilAsync(
            () => Links.FindAsync(_world.BrandId, MemberIdentity.ExternalContact(_world.BeijingCorpId, externalUserId), CancellationToken.None),
            id => id is not null,
            Deadline.BackgroundWork,
            "the contact reported to members");

        var (_, openId) = await FollowAsync(person);

        // The contact's record and the follower's were two until the conversion proved them one person, and were merged.
        Assert.Equal(externalUserId, await AwaitConversionAsync(openId, ContactConversionStore.Contact, "external_user_id"));
        var (contactMember, followerMember) = await Poll.UntilAsync(
            async () => (await Links.FindAsync(_world.BrandId, MemberIdentity.ExternalContact(_world.BeijingCorpId, externalUserId), CancellationToken.None),
                await Links.FindAsync(_world.BrandId, MemberIdentity.Account(_world.BeijingAppId, openId), CancellationToken.None)),
            pair => pair.Item1 is not null && pair.Item1 == pair.Item2,
            Deadline.BackgroundWork,
            "the follower and the contact one member");
        Assert.Equal(contactMember, followerMember);
    }

    [Fact]
    public async Task A_contact_the_conversion_found_before_their_push_was_handled_gets_the_unionid_and_member_when_it_is()
    {
        // The worker may convert before WeLink handled the push of the contact it finds (under load it often does): the
        // contact's row does not exist yet when the conversion links, so the push must find the conversion.
        var person = _world.People[1];
        var externalUserId = await _world.AddExternalContactAsync(person, _world.BeijingCorpId, _world.Advisor.UserId);
        var (member, openId) = await FollowAsync(person);
        Assert.Equal(externalUserId, await AwaitConversionAsync(openId, ContactConversionStore.Contact, "external_user_id"));
        var unionId = await _world.QuerySingleAsync<string>("SELECT union_id FROM consumers WHERE open_id = @openId", new { openId });

        Assert.Equal(externalUserId, await AddByPushAsync(person, _world.BeijingCorpId, _world.Manager.UserId));

        var contacts = _world.Host.Services.GetRequiredService<ExternalContactStore>();
        var recorded = await Poll.UntilAsync(
            () => contacts.FindAsync(_world.BeijingCorpId, externalUserId, CancellationToken.None),
            c => c?.UnionId is not null,
            Deadline.BackgroundWork,
            "the contact recorded with the unionid the conversion found");
        Assert.Equal(unionId, recorded!.UnionId);
        Assert.Equal(member, await AwaitLinkedAsync(_world.BeijingCorpId, externalUserId, member));
    }

    [Fact]
    public async Task A_contact_whose_push_WeLink_has_not_handled_is_shown_to_staff_as_the_customer_of_the_pending_id_they_have()
    {
        var person = _world.People[1];
        var (_, openId) = await FollowAsync(person);
        await AwaitConversionAsync(openId, ContactConversionStore.Pending, "pending_id");
        var externalUserId = await _world.AddExternalContactAsync(person, _world.BeijingCorpId, _world.Advisor.UserId);
        using var advisor = await _world.StaffAsync(_world.Advisor);

        var contact = await advisor.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/contacts/{externalUserId}", UriKind.Relative));

        var consumerId = await _world.QuerySingleAsync<Guid>("SELECT id FROM consumers WHERE open_id = @openId", new { openId });
        Assert.True(contact.GetProperty("linked").GetBoolean());
        Assert.Equal(consumerId, contact.GetProperty("customer").GetProperty("consumerId").GetGuid());
        Assert.Equal(externalUserId, await AwaitConversionAsync(openId, ContactConversionStore.Contact, "external_user_id"));
    }

    [Fact]
    public async Task A_contact_of_another_dealers_corp_is_never_linked_with_this_dealers_pending_id_and_replays_change_nothing()
    {
        var person = _world.People[1];
        var (member, openId) = await FollowAsync(person);
        await AwaitConversionAsync(openId, ContactConversionStore.Pending, "pending_id");
        var shanghaiContact = await AddByPushAsync(person, _world.ShanghaiCorpId, _world.ShanghaiAdvisor.UserId);
        var shanghaiMember = await AwaitLinkedAsync(_world.ShanghaiCorpId, shanghaiContact);
        var beijingContact = await AddByPushAsync(person, _world.BeijingCorpId, _world.Manager.UserId);
        await AwaitLinkedAsync(_world.BeijingCorpId, beijingContact, member);
        var before = await StateAsync();

        await _world.FollowAsync(person);
        await AddByPushAsync(person, _world.BeijingCorpId, _world.Advisor.UserId);
        await _world.Host.Services.GetRequiredService<ContactConversionWorker>().RunDueAsync(CancellationToken.None);

        Assert.NotEqual(member, shanghaiMember);
        Assert.Null((await _world.Host.Services.GetRequiredService<ExternalContactStore>().FindAsync(_world.ShanghaiCorpId, shanghaiContact, CancellationToken.None))!.UnionId);
        Assert.Equal(member, await Links.FindAsync(_world.BrandId, MemberIdentity.ExternalContact(_world.BeijingCorpId, beijingContact), CancellationToken.None));
        Assert.Equal(before, await StateAsync());
    }

    private async Task<(Guid Member, string OpenId)> FollowAsync(string person)
    {
        await _world.FollowAsync(person);
        var openId = await _world.OpenIdAsync(person);
        await Poll.UntilAsync(
            () => _world.QuerySingleAsync<string>("SELECT COALESCE(MAX(union_id), '') FROM consumers WHERE open_id = @openId", new { openId }),
            unionId => unionId.Length > 0,
            Deadline.BackgroundWork,
            "WeLink knowing the follower's unionid");
        var member = await Poll.UntilAsync(
            () => Links.FindAsync(_world.BrandId, MemberIdentity.Account(_world.BeijingAppId, openId), CancellationToken.None),
            id => id is not null,
            Deadline.BackgroundWork,
            "the follower's member");
        return (member!.Value, openId);
    }

    /// <summary>The staff member adds the person in WeCom; the change_external_contact push is answered by WeLink.</summary>
    private async Task<string> AddByPushAsync(string person, string corpId, string userId)
    {
        var added = await _world.ControlAsync("wecom/external-contacts/add", new { corpid = corpId, userid = userId, consumer_id = person, state = (string?)null });
        var pushId = added.GetProperty("push_id").GetInt64();
        var push = JsonDocument.Parse(await _world.Host.Http.GetStringAsync(new Uri($"/sandbox/control/pushes/{pushId}?wait_seconds=20", UriKind.Relative))).RootElement;
        Assert.Equal("Delivered", push.GetProperty("status").GetString());
        return added.GetProperty("external_userid").GetString()!;
    }

    private async Task<string> AwaitConversionAsync(string openId, string outcome, string column) =>
        (await Poll.UntilAsync(
            () => _world.QuerySingleAsync<string?>(
                $"SELECT MAX({column}) FROM contact_conversions WHERE open_id = @openId AND outcome = @outcome", new { openId, outcome }),
            value => value is not null,
            Deadline.BackgroundWork,
            $"the conversion answered with a {outcome}"))!;

    /// <summary>The member the contact is linked to once its push was handled (and, with <paramref name="expected"/>, once that is the one).</summary>
    private async Task<Guid> AwaitLinkedAsync(string corpId, string externalUserId, Guid? expected = null) =>
        (await Poll.UntilAsync(
            () => Links.FindAsync(_world.BrandId, MemberIdentity.ExternalContact(corpId, externalUserId), CancellationToken.None),
            id => id is not null && (expected is null || id == expected),
            Deadline.BackgroundWork,
            "the contact linked to a member"))!.Value;

    private Task<string> StateAsync() => _world.QuerySingleAsync<string>(
        """
        SELECT (SELECT COUNT(*) FROM contact_conversions) || '/' || (SELECT COUNT(*) FROM members) || '/' || (SELECT COUNT(*) FROM member_identities)
            || '/' || (SELECT COUNT(*) FROM contact_conversions WHERE status = 'done')
        """,
        new { });
}

public sealed class ContactConversionTests_on_Sqlite() : ContactConversionTests(DatabaseProvider.Sqlite);

public sealed class ContactConversionTests_on_Postgres() : ContactConversionTests(DatabaseProvider.Postgres);
