using System.Text.Json;
using WeLink.Sandbox.Tests.Clients;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Sandbox.Wecom;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Tests.IdConvert;

/// <summary>
/// WeCom as a third-party app meets it since the 2022 ID upgrade (protocol-wave2.md §7.2–7.3): externalcontact/get has no
/// unionid, and a unionid with its openid converts to the contact, or to a pending_id that the contact, once added, gives back.
/// </summary>
public sealed class IdConvertTests
{
    [Fact]
    public async Task Externalcontact_get_never_carries_a_unionid_even_when_the_contact_has_one_in_WeChat()
    {
        await using var host = await SandboxHost.StartAsync();
        var (corp, appId) = (await InstallAsync(host), host.World().Snapshot().Accounts[0].AppId);
        var consumer = host.World().Snapshot().Consumers[1].Consumer.Id;
        Assert.NotNull(host.World().IdentityOf(appId, consumer).UnionId);
        var contact = host.World().AddExternalContact(corp.CorpId, consumer, host.DealerCorp().Staff[0].UserId);

        var answer = await host.Client.GetJsonAsync($"wecom/cgi-bin/externalcontact/get?access_token={corp.AccessToken}&external_userid={contact.ExternalUserId}");

        Assert.Equal(contact.ExternalUserId, answer.GetProperty("external_contact").GetProperty("external_userid").GetString());
        Assert.False(answer.GetProperty("external_contact").TryGetProperty("unionid", out _));
    }

    [Fact]
    public async Task A_person_not_yet_a_contact_gets_one_pending_id_which_the_contact_they_become_gives_back()
    {
        await using var host = await SandboxHost.StartAsync();
        var (corp, appId) = (await InstallAsync(host), host.World().Snapshot().Accounts[0].AppId);
        var person = host.World().IdentityOf(appId, host.World().Snapshot().Consumers[1].Consumer.Id);

        var first = await ConvertAsync(host, corp, person.UnionId!, person.OpenId, 0);
        var again = await ConvertAsync(host, corp, person.UnionId!, person.OpenId, 0);
        var contact = host.World().AddExternalContact(corp.CorpId, person.ConsumerId, host.DealerCorp().Staff[0].UserId);
        var lookup = await PendingIdsAsync(host, corp, [contact.ExternalUserId, "wmunknown"]);
        var now = await ConvertAsync(host, corp, person.UnionId!, person.OpenId, 0);

        var pendingId = first.GetProperty("pending_id").GetString();
        Assert.False(first.TryGetProperty("external_userid", out _));
        Assert.Equal(pendingId, again.GetProperty("pending_id").GetString());
        var item = Assert.Single(lookup.GetProperty("result").EnumerateArray());
        Assert.Equal((contact.ExternalUserId, pendingId), (item.GetProperty("external_userid").GetString(), item.GetProperty("pending_id").GetString()));
        Assert.Equal(contact.ExternalUserId, now.GetProperty("external_userid").GetString());
    }

    [Fact]
    public async Task A_pending_id_lasts_90_days_and_is_another_corps_nothing()
    {
        await using var host = await SandboxHost.StartAsync();
        var (corp, appId) = (await InstallAsync(host), host.World().Snapshot().Accounts[0].AppId);
        var other = await host.InstallCorpAsync(host.World().Snapshot().Corps[1].Corp.CorpId);
        var person = host.World().IdentityOf(appId, host.World().Snapshot().Consumers[1].Consumer.Id);
        var pendingId = (await ConvertAsync(host, corp, person.UnionId!, person.OpenId, 0)).GetProperty("pending_id").GetString();
        var otherContact = host.World().AddExternalContact(other.CorpId, person.ConsumerId, host.World().Snapshot().Corps[1].Staff[0].UserId);

        var inOtherCorp = await PendingIdsAsync(host, other, [otherContact.ExternalUserId]);
        host.Advance(TimeSpan.FromDays(90));

        // The corp's token is long dead by now: the world answers as the API would with a fresh one.
        var renewed = host.World().ConvertUnionId(corp.CorpId, person.UnionId!, person.OpenId, CorpEndpoints.PendingIdLifetime).PendingId;

        Assert.Empty(inOtherCorp.GetProperty("result").EnumerateArray());
        Assert.NotEqual(pendingId, renewed);
    }

    [Fact]
    public async Task A_unionid_with_another_accounts_openid_another_persons_or_another_subjects_corp_is_refused_with_845003()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = host.World();
        var (corp, appId) = (await InstallAsync(host), world.Snapshot().Accounts[0].AppId);
        var consumers = world.Snapshot().Consumers;
        var person = world.IdentityOf(appId, consumers[1].Consumer.Id);
        var someoneElse = world.IdentityOf(appId, consumers[2].Consumer.Id);
        var stranger = world.AddOwner("Other Motors");
        var strangersAccount = world.AddAccount(stranger.Id, "Other Motors Club", AccountKind.MiniProgram, verified: true);
        var strangerIdentity = world.IdentityOf(strangersAccount.AppId, consumers[1].Consumer.Id);

        var answers = new[]
        {
            await ConvertAsync(host, corp, person.UnionId!, someoneElse.OpenId, 0),
            await ConvertAsync(host, corp, strangerIdentity.UnionId!, strangerIdentity.OpenId, 0),
            await ConvertAsync(host, corp, person.UnionId!, person.OpenId, 1),
        };
        var badSubject = await ConvertAsync(host, corp, person.UnionId!, person.OpenId, 2);

        Assert.All(answers, a => Assert.Equal(845003, a.GetProperty("errcode").GetInt32()));
        Assert.Equal(40058, badSubject.GetProperty("errcode").GetInt32());
    }

    private static async Task<InstalledCorp> InstallAsync(SandboxHost host) => await host.InstallCorpAsync(host.DealerCorp().Corp.CorpId);

    private static Task<JsonElement> ConvertAsync(SandboxHost host, InstalledCorp corp, string unionId, string openId, int subjectType) =>
        host.Client.PostJsonAsync(
            $"wecom/cgi-bin/idconvert/unionid_to_external_userid?access_token={corp.AccessToken}",
            new { unionid = unionId, openid = openId, subject_type = subjectType });

    private static Task<JsonElement> PendingIdsAsync(SandboxHost host, InstalledCorp corp, string[] externalUserIds) =>
        host.Client.PostJsonAsync(
            $"wecom/cgi-bin/idconvert/batch/external_userid_to_pending_id?access_token={corp.AccessToken}",
            new { external_userid = externalUserIds });
}
