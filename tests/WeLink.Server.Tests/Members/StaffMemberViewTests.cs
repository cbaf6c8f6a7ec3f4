using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Admin.Api;
using WeLink.Server.Members;
using WeLink.Server.Members.Cards;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Tenancy;
using WeLink.Server.Tests.Admin;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Members;

/// <summary>
/// <c>/api/staff/members/…</c> on a real host and database: a dealer's staff see the member with their own dealer's
/// dealings in full, another dealer's as the brand shares them (none / summary / full), another brand's member not at
/// all; openids never leave the server; vehicles are checked and recorded as the staff member's dealer's.
/// </summary>
public abstract class StaffMemberViewTests<TWorld>(TWorld world) : IClassFixture<TWorld>
    where TWorld : TenancyWorld
{
    [Fact]
    public async Task A_dealers_staff_see_the_profile_with_sources_identities_consents_cases_and_one_timeline_but_no_openid()
    {
        var memberId = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "王芳");
        var consumer = await MemberSeed.LinkConsumerAsync(world, memberId, world.X.Id, world.A1.Id);
        using var staff = await MemberSeed.StaffAsync(world, world.X.Id, world.A1.Id);

        using var response = await staff.GetAsync(new Uri($"/api/staff/members/{memberId}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var phone = MemberSeed.Phones[memberId];
        Assert.Equal(("王芳", "会员", $"{phone[..3]}****{phone[^4..]}", "Dealer A1"), (view.GetProperty("name").GetString(), view.GetProperty("statusLabel").GetString(),
            view.GetProperty("phoneMasked").GetString(), view.GetProperty("homeDealer").GetProperty("name").GetString()));
        var name = view.GetProperty("profile").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "name");
        Assert.Equal(("姓名", "王芳", "小程序"), (name.GetProperty("label").GetString(), name.GetProperty("value").GetString(), name.GetProperty("sourceLabel").GetString()));
        Assert.Equal(("小王", "微信"), (name.GetProperty("history")[0].GetProperty("value").GetString(), name.GetProperty("history")[0].GetProperty("sourceLabel").GetString()));
        var identity = Assert.Single(view.GetProperty("identities").EnumerateArray());
        Assert.Equal(("公众号", "Dealer A1", "首次访问"), (identity.GetProperty("kindLabel").GetString(), identity.GetProperty("dealer").GetProperty("name").GetString(),
            identity.GetProperty("linkedByLabel").GetString()));
        var consent = Assert.Single(view.GetProperty("consents").EnumerateArray());
        Assert.Equal(("营销信息", false), (consent.GetProperty("purposeLabel").GetString(), consent.GetProperty("granted").GetBoolean()));
        var @case = Assert.Single(view.GetProperty("cases").EnumerateArray());
        Assert.Equal((consumer.ComplaintId, "客户投诉"), (@case.GetProperty("id").GetGuid(), @case.GetProperty("processLabel").GetString()));
        Assert.False(string.IsNullOrEmpty(@case.GetProperty("stateLabel").GetString()));
        var kinds = view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("identity", kinds);
        Assert.Contains("case", kinds);
        Assert.Contains("profile", kinds);
        Assert.Contains("merge", kinds);
        var times = view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.DoesNotContain("openid", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_timeline_shows_the_latest_twenty_messages_of_a_long_conversation_in_order()
    {
        var memberId = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "赵敏");
        var consumer = await MemberSeed.LinkConsumerAsync(world, memberId, world.X.Id, world.A1.Id);
        var start = DateTimeOffset.UtcNow.AddMinutes(1);
        for (var i = 1; i <= 25; i++)
        {
            await MemberSeed.ExecuteAsync(world, """
                INSERT INTO conversation_messages (id, conversation_id, idempotency_key, direction, kind, text, at)
                VALUES (@id, @conversationId, @key, 'in', 'text', @text, @at)
                """,
                new { id = Guid.CreateVersion7(), conversationId = consumer.ConversationId, key = $"timeline-{memberId}-{i}", text = $"第{i}句", at = start.AddSeconds(i) });
        }

        using var staff = await MemberSeed.StaffAsync(world, world.X.Id, world.A1.Id);
        var view = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/members/{memberId}", UriKind.Relative));

        var said = view.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "message")
            .Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(Enumerable.Range(6, 20).Reverse().Select(i => $"客户：第{i}句"), said);
    }

    [Fact]
    public async Task Another_brands_staff_never_see_the_member_or_add_to_it()
    {
        var memberId = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "李雷");
        using var foreign = await MemberSeed.StaffAsync(world, world.Y.Id, world.B1.Id);

        using var view = await foreign.GetAsync(new Uri($"/api/staff/members/{memberId}", UriKind.Relative));
        using var madeUp = await foreign.GetAsync(new Uri($"/api/staff/members/{Guid.CreateVersion7()}", UriKind.Relative));
        using var vehicle = await foreign.PostAsJsonAsync(new Uri($"/api/staff/members/{memberId}/vehicles", UriKind.Relative), new { model = "Aurora S" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (view.StatusCode, madeUp.StatusCode, vehicle.StatusCode));
        Assert.Equal(
            (await madeUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await view.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(MemberSharing.None)]
    [InlineData(MemberSharing.Summary)]
    [InlineData(MemberSharing.Full)]
    public async Task Another_dealer_of_the_brand_sees_only_what_the_brands_sharing_allows(string sharing)
    {
        // A brand of its own, so that its setting changes no other test's.
        var brand = await world.Platform.PostOkAsync<Brand>("/api/admin/brands", new CreateBrandRequest(world.Unique("Sharing brand")));
        var a = await TenancyWorld.CreateDealerAsync(world.Platform, brand, world.Unique("SA"));
        var b = await TenancyWorld.CreateDealerAsync(world.Platform, brand, world.Unique("SB"));
        await world.Admin.Host.Services.GetRequiredService<IMemberSharingSettings>().SetAsync(brand.Id, sharing, CancellationToken.None);
        var memberId = await MemberSeed.MemberAsync(world, brand.Id, a.Id, "韩梅梅");
        var atA = await MemberSeed.LinkConsumerAsync(world, memberId, brand.Id, a.Id);
        var atB = await MemberSeed.LinkConsumerAsync(world, memberId, brand.Id, b.Id);
        using var staffOfB = await MemberSeed.StaffAsync(world, brand.Id, b.Id);

        using var response = await staffOfB.GetAsync(new Uri($"/api/staff/members/{memberId}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sharing, view.GetProperty("sharing").GetString());
        var cases = view.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        var identityDealers = view.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("dealer").GetProperty("id").GetGuid()).ToList();
        var others = view.GetProperty("otherDealers").EnumerateArray().ToList();
        if (sharing == MemberSharing.Full)
        {
            // Version 7 ids made in one millisecond sort at random, so both sides are sorted.
            Assert.Equal(new[] { atA.ComplaintId, atB.ComplaintId }.Order(), cases.Order());
            Assert.Equal(new[] { a.Id, b.Id }.Order(), identityDealers.Order());
            Assert.Empty(others);
        }
        else
        {
            // B's own dealings in full; nothing of A's content, not even the case's id.
            Assert.Equal([atB.ComplaintId], cases);
            Assert.Equal([b.Id], identityDealers);
            Assert.DoesNotContain(atA.ComplaintId.ToString(), text, StringComparison.Ordinal);
            Assert.DoesNotContain(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("dealer").ValueKind == JsonValueKind.Object
                && e.GetProperty("dealer").GetProperty("id").GetGuid() == a.Id);
            if (sharing == MemberSharing.Summary)
            {
                var summary = Assert.Single(others);
                Assert.Equal((a.Id, 1, 0), (summary.GetProperty("dealer").GetProperty("id").GetGuid(), summary.GetProperty("identities").GetInt32(), summary.GetProperty("vehicles").GetInt32()));
                var states = Assert.Single(summary.GetProperty("cases").EnumerateArray());
                Assert.Equal(("客户投诉", 1), (states.GetProperty("processLabel").GetString(), states.GetProperty("count").GetInt32()));
            }
            else
            {
                Assert.Empty(others);
            }
        }
    }

    [Fact]
    public async Task Staff_add_a_checked_vehicle_as_their_dealers_and_a_bad_VIN_is_refused_in_Chinese()
    {
        var memberId = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "张伟");
        using var staff = await MemberSeed.StaffAsync(world, world.X.Id, world.A1.Id);
        var path = new Uri($"/api/staff/members/{memberId}/vehicles", UriKind.Relative);

        using var badVin = await staff.PostAsJsonAsync(path, new { model = "Aurora S", vin = "LSVAB1234IO567890" });
        using var future = await staff.PostAsJsonAsync(path, new { model = "Aurora S", purchasedOn = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        using var added = await staff.PostAsJsonAsync(path, new { model = "Aurora S", plate = "京a12345", vin = "lsvab1234cd567890", purchasedOn = "2024-05-01" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Created), (badVin.StatusCode, future.StatusCode, added.StatusCode));
        Assert.Contains("不含 I、O、Q", (await badVin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("vin")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("purchasedOn", out _));
        var vehicle = Assert.Single((await MemberSeed.ViewAsync(staff, memberId)).GetProperty("vehicles").EnumerateArray());
        Assert.Equal(("Aurora S", "京A12345", "LSVAB1234CD567890", "2024-05-01", world.A1.Id),
            (vehicle.GetProperty("model").GetString(), vehicle.GetProperty("plate").GetString(), vehicle.GetProperty("vin").GetString(),
            vehicle.GetProperty("purchasedOn").GetString(), vehicle.GetProperty("dealer").GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task The_chat_toolbar_finds_the_member_by_the_dealers_external_contact_and_a_record_merged_away_answers_as_the_kept_one()
    {
        var memberId = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "赵敏");
        var mergedId = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "赵敏", mergedInto: memberId.ToString());
        var contact = world.Unique("wmContact");
        await MemberSeed.IdentityAsync(world, memberId, world.X.Id, world.A1.Id, "external_contact", "wwcorpA1", contact);
        using var staff = await MemberSeed.StaffAsync(world, world.X.Id, world.A1.Id);
        using var otherDealer = await MemberSeed.StaffAsync(world, world.X.Id, world.A2.Id);

        var found = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/members/by-contact/{contact}", UriKind.Relative));
        using var notTheirs = await otherDealer.GetAsync(new Uri($"/api/staff/members/by-contact/{contact}", UriKind.Relative));
        var merged = await MemberSeed.ViewAsync(staff, mergedId);

        Assert.Equal(memberId, found.GetProperty("id").GetGuid());
        // A2's identity rows hold no such contact and its corp (not installed here) cannot be asked: never A1's member.
        Assert.Equal(HttpStatusCode.Conflict, notTheirs.StatusCode);
        Assert.Equal(memberId, merged.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Scanning_a_members_card_shows_the_member_and_an_expired_or_another_brands_code_is_refused_in_Chinese()
    {
        var memberId = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "周杰");
        var number = await world.Admin.Database.ScalarAsync<string>("SELECT member_number FROM members WHERE id = @memberId", new { memberId });
        var services = world.Admin.Host.Services;
        var keys = services.GetRequiredService<MemberKeys>();
        var fresh = await services.GetRequiredService<MemberCardCodes>().IssueAsync(world.X.Id, number, CancellationToken.None);
        var past = new OffsetTimeProvider();
        past.Advance(-MemberCardCodes.Lifetime - TimeSpan.FromMinutes(1));
        var stale = await new MemberCardCodes(keys, past).IssueAsync(world.X.Id, number, CancellationToken.None);
        var foreign = await services.GetRequiredService<MemberCardCodes>().IssueAsync(world.Y.Id, number, CancellationToken.None);
        using var staff = await MemberSeed.StaffAsync(world, world.X.Id, world.A2.Id);
        var scan = new Uri("/api/staff/members/scan", UriKind.Relative);

        using var scanned = await staff.PostAsJsonAsync(scan, new { code = fresh.Text });
        using var expired = await staff.PostAsJsonAsync(scan, new { code = stale.Text });
        using var otherBrand = await staff.PostAsJsonAsync(scan, new { code = foreign.Text });

        Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
        Assert.Equal(memberId, (await scanned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (expired.StatusCode, otherBrand.StatusCode));
        Assert.Equal("会员码已过期，请让客户刷新后重新出示。", (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.StartsWith("会员码无效", (await otherBrand.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_the_customer_confirms_in_front_of_staff_is_linked_and_a_second_record_with_it_merges_into_the_first()
    {
        var first = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "吴磊");
        var second = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "吴磊");
        using var staff = await MemberSeed.StaffAsync(world, world.X.Id, world.A1.Id);
        var phone = $"+86 139-{Random.Shared.Next(1000, 10000)}-{Random.Shared.Next(1000, 10000)}";

        using var invalid = await staff.PostAsJsonAsync(new Uri($"/api/staff/members/{first}/phone", UriKind.Relative), new { phone = "12345" });
        using var linked = await staff.PostAsJsonAsync(new Uri($"/api/staff/members/{first}/phone", UriKind.Relative), new { phone });
        using var merged = await staff.PostAsJsonAsync(new Uri($"/api/staff/members/{second}/phone", UriKind.Relative), new { phone });
        var view = await merged.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("请输入有效的中国大陆手机号。", (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (linked.StatusCode, merged.StatusCode));
        Assert.Equal(first, view.GetProperty("id").GetGuid());
        Assert.Equal(phone[^4..], view.GetProperty("phoneMasked").GetString()![^4..]);
        Assert.Contains(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "merge");
        Assert.Equal(first, (await MemberSeed.ViewAsync(staff, second)).GetProperty("id").GetGuid());
    }
}

public sealed class StaffMemberViewTests_on_Sqlite(SqliteTenancyWorld world) : StaffMemberViewTests<SqliteTenancyWorld>(world);

public sealed class StaffMemberViewTests_on_Postgres(PostgresTenancyWorld world) : StaffMemberViewTests<PostgresTenancyWorld>(world);
