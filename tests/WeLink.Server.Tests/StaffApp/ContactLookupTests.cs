using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.StaffApp;

/// <summary>
/// <c>GET /api/staff/contacts/{externalUserId}</c> against a real WeLink and its sandbox: the contact's name comes from
/// WeCom's externalcontact/get, the consumer from the unionid a conversion found for the contact, their cases from this
/// dealer only; a contact no conversion found is shown unlinked, and another corp's contact is not found.
/// </summary>
public abstract class ContactLookupTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_contact_whose_unionid_is_a_consumer_of_the_dealer_shows_that_customer_and_their_cases_here()
    {
        // A contact already when WeLink learns their unionid (with the follow): its conversion answers the contact itself.
        var externalUserId = await _world.AddExternalContactAsync(_world.People[1], _world.BeijingCorpId, _world.Advisor.UserId);
        using var consumer = await _world.ConsumerAsync(_world.People[1]);
        var complaint = await ComplaintTests.FileAsync(consumer, "contact-1", "服务态度", "high");
        await _world.UnionIdKnownAsync(_world.People[1]);
        await Poll.UntilAsync(
            () => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM contact_conversions WHERE external_user_id = @externalUserId", new { externalUserId }),
            count => count > 0,
            Deadline.BackgroundWork,
            "the unionid converted into the contact");
        using var advisor = await _world.StaffAsync(_world.Advisor);

        var contact = await advisor.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/contacts/{externalUserId}", UriKind.Relative));

        Assert.Equal((externalUserId, "Wang Fang", true), (contact.GetProperty("externalUserId").GetString(), contact.GetProperty("name").GetString(), contact.GetProperty("linked").GetBoolean()));
        // WeChat gives no follower's nickname (user/info has not since 2021), so the customer bears the name WeLink gave
        // them, the one their case rows show; the contact's own name above is WeCom's.
        var row = Assert.Single(contact.GetProperty("cases").EnumerateArray());
        Assert.Equal(row.GetProperty("customer").GetProperty("name").GetString(), contact.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal(complaint.Id, row.GetProperty("id").GetGuid());
        Assert.Equal("客户投诉", row.GetProperty("process").GetProperty("label").GetString());
        Assert.Equal(contact.GetProperty("customer").GetProperty("consumerId").GetGuid(), row.GetProperty("customer").GetProperty("consumerId").GetGuid());
    }

    [Fact]
    public async Task A_contact_WeLink_knows_no_consumer_for_is_shown_by_their_WeCom_name_unlinked_and_without_cases()
    {
        // Zhang Min never met an account of the brand: WeLink has no unionid of theirs to convert.
        var externalUserId = await _world.AddExternalContactAsync(_world.People[2], _world.BeijingCorpId, _world.Advisor.UserId);
        using var advisor = await _world.StaffAsync(_world.Advisor);

        var contact = await advisor.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/contacts/{externalUserId}", UriKind.Relative));

        Assert.Equal(("Zhang Min", false), (contact.GetProperty("name").GetString(), contact.GetProperty("linked").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, contact.GetProperty("customer").ValueKind);
        Assert.Empty(contact.GetProperty("cases").EnumerateArray());
    }

    [Fact]
    public async Task Another_corps_contact_or_a_made_up_id_is_not_found_and_another_dealers_cases_are_never_shown()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[1]);
        await ComplaintTests.FileAsync(consumer, "contact-2", "服务态度", "normal");
        var beijingContact = await _world.AddExternalContactAsync(_world.People[1], _world.BeijingCorpId, _world.Advisor.UserId);
        var shanghaiContact = await _world.AddExternalContactAsync(_world.People[1], _world.ShanghaiCorpId, _world.ShanghaiAdvisor.UserId);
        using var shanghai = await _world.StaffAsync(_world.ShanghaiAdvisor);

        using var foreign = await shanghai.GetAsync(new Uri($"/api/staff/contacts/{beijingContact}", UriKind.Relative));
        using var madeUp = await shanghai.GetAsync(new Uri("/api/staff/contacts/wmMadeUp", UriKind.Relative));
        var own = await shanghai.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/contacts/{shanghaiContact}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreign.StatusCode, madeUp.StatusCode));
        Assert.Contains("没有这位客户", (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Wang Fang is the brand's consumer through Beijing and has no case in Shanghai: linked to nobody here, no rows.
        Assert.False(own.GetProperty("linked").GetBoolean());
        Assert.Empty(own.GetProperty("cases").EnumerateArray());
    }
}

public sealed class ContactLookupTests_on_Sqlite() : ContactLookupTests(DatabaseProvider.Sqlite);

public sealed class ContactLookupTests_on_Postgres() : ContactLookupTests(DatabaseProvider.Postgres);
