using System.Net;
using System.Text.RegularExpressions;
using WeLink.Server.Data;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Members;

/// <summary>
/// The portal's member pages on a real host: HQ finds the brand's members by member number, mobile number or name, 20 a page; a dealer admin only
/// their dealer's (home dealer, or an identity there), and opens no other; another brand's HQ reaches nothing; only HQ
/// sets the brand's sharing, audited, and the staff view follows it.
/// </summary>
public abstract partial class MemberPortalTests(DatabaseProvider provider)
{
    [Fact]
    public async Task HQ_finds_members_by_name_in_pages_of_20_and_by_member_number_or_phone()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        for (var i = 0; i < 23; i++)
        {
            await MemberSeed.MemberAsync(world, world.X.Id, i % 2 == 0 ? world.A1.Id : world.A2.Id, $"翻页{i:00}");
        }

        var other = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "陈晨");
        var number = await world.Admin.Database.ScalarAsync<string>("SELECT member_number FROM members WHERE id = @other", new { other });
        var list = $"/admin/brands/{world.X.Id}/members";

        var first = await world.HqX.Http.GetStringAsync($"{list}?q=翻页");
        var second = await world.HqX.Http.GetStringAsync($"{list}?q=翻页&page=2");
        var byNumber = await world.HqX.Http.GetStringAsync($"{list}?q={number}");
        var byPhone = await world.HqX.Http.GetStringAsync($"{list}?q={Uri.EscapeDataString("+86 " + MemberSeed.Phones[other])}");

        Assert.Contains("共 23 位，第 1 / 2 页。", first, StringComparison.Ordinal);
        Assert.Equal(20, Rows(first).Count);
        Assert.Equal(3, Rows(second).Count);
        Assert.Empty(Rows(first).Intersect(Rows(second)));
        Assert.Equal([other.ToString()], Rows(byNumber));
        Assert.Equal([other.ToString()], Rows(byPhone));
        Assert.Contains($"139****{MemberSeed.Phones[other][^4..]}", byNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dealer_admin_finds_and_opens_only_their_dealers_members_and_another_brand_reaches_none()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        var home = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "本店会员");
        var visiting = await MemberSeed.MemberAsync(world, world.X.Id, world.A2.Id, "到店会员");
        await MemberSeed.LinkConsumerAsync(world, visiting, world.X.Id, world.A1.Id);
        var elsewhere = await MemberSeed.MemberAsync(world, world.X.Id, world.A2.Id, "别店会员");
        var list = $"/admin/brands/{world.X.Id}/members";

        var dealerList = await world.DealerA1.Http.GetStringAsync(list);
        using var ownDetail = await world.DealerA1.Http.GetAsync($"{list}/{visiting}");
        using var siblingDetail = await world.DealerA1.Http.GetAsync($"{list}/{elsewhere}");
        using var otherBrandList = await world.HqY.Http.GetAsync(list);
        using var otherBrandDetail = await world.HqY.Http.GetAsync($"{list}/{home}");
        using var otherBrandThroughOwn = await world.HqY.Http.GetAsync($"/admin/brands/{world.Y.Id}/members/{home}");
        var hqDetail = await world.HqX.Http.GetStringAsync($"{list}/{elsewhere}");

        Assert.Equal(new[] { home.ToString(), visiting.ToString() }.Order(), Rows(dealerList).Order());
        Assert.Equal(HttpStatusCode.OK, ownDetail.StatusCode);
        Assert.Contains("客户投诉", await ownDetail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (siblingDetail.StatusCode, otherBrandList.StatusCode, otherBrandDetail.StatusCode, otherBrandThroughOwn.StatusCode));
        Assert.Contains("别店会员", hqDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_HQ_sets_the_brands_sharing_audited_and_a_dealer_admin_cannot()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        var page = $"/admin/brands/{world.X.Id}/member-sharing";
        var token = await PortalForm.TokenAsync(world.HqX, page);
        var tokenA1 = await PortalForm.TokenAsync(world.DealerA1, $"/admin/dealers/{world.A1.Id}/staff");
        var tokenY = await PortalForm.TokenAsync(world.HqY, $"/admin/brands/{world.Y.Id}/member-sharing");

        var before = await world.HqX.Http.GetStringAsync(page);
        using var set = await PortalForm.PostAsync(world.HqX, page, [new(PortalForm.TokenField, token), new("value", "none")]);
        var after = await world.HqX.Http.GetStringAsync($"/admin/brands/{world.X.Id}/members");
        using var dealerAdmin = await PortalForm.PostAsync(world.DealerA1, page, [new(PortalForm.TokenField, tokenA1), new("value", "full")]);
        using var otherBrand = await PortalForm.PostAsync(world.HqY, page, [new(PortalForm.TokenField, tokenY), new("value", "full")]);

        Assert.Contains("value=\"summary\" checked=\"checked\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("门店间共享：<strong>不共享</strong>", after, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (dealerAdmin.StatusCode, otherBrand.StatusCode));
        Assert.Equal("none", await world.Admin.Database.ScalarAsync<string>("SELECT sharing FROM brand_member_settings WHERE brand_id = @brand", new { brand = world.X.Id }));
        var audited = Assert.Single(await world.Admin.Database.QueryAsync<string>(
            "SELECT detail FROM audit_log WHERE action = 'brand.member-sharing.set' AND target_id = @brand", new { brand = world.X.Id.ToString() }));
        Assert.Equal("不共享", audited);
    }

    [Fact]
    public async Task HQ_undoes_a_merge_audited_and_both_records_are_as_before_while_a_dealer_admin_cannot()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        var memberId = await MemberSeed.MemberAsync(world, world.X.Id, world.A1.Id, "合并会员");
        var consumer = await MemberSeed.LinkConsumerAsync(world, memberId, world.X.Id, world.A1.Id);
        var page = $"/admin/brands/{world.X.Id}/members/{memberId}";
        var html = await world.HqX.Http.GetStringAsync(page);
        var mergeId = MergeRow().Match(html).Groups[1].Value;
        var token = PortalForm.TokenIn(html);
        var tokenA1 = await PortalForm.TokenAsync(world.DealerA1, page);

        using var dealerAdmin = await PortalForm.PostAsync(world.DealerA1, $"{page}?handler=Undo", [new(PortalForm.TokenField, tokenA1), new("mergeId", mergeId)]);
        using var undone = await PortalForm.PostAsync(world.HqX, $"{page}?handler=Undo", [new(PortalForm.TokenField, token), new("mergeId", mergeId)]);
        var after = await world.HqX.Http.GetStringAsync(page);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Redirect), (dealerAdmin.StatusCode, undone.StatusCode));
        Assert.Contains($"data-merge=\"{mergeId}\" data-undone=\"true\"", after, StringComparison.Ordinal);
        // The consumer's record is its own again, with its identity; the member keeps only what was its own.
        Assert.Equal(consumer.MemberId, await MemberSeed.MemberOfConsumerAsync(world, consumer.Id));
        Assert.NotEqual(memberId, consumer.MemberId);
        Assert.Equal("known", await world.Admin.Database.ScalarAsync<string>("SELECT status FROM members WHERE id = @id", new { id = consumer.MemberId }));
        Assert.Equal(0, await world.Admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM member_identities WHERE member_id = @memberId", new { memberId }));
        var audited = Assert.Single(await world.Admin.Database.QueryAsync<string>(
            "SELECT outcome FROM audit_log WHERE action = 'member.merge.undone' AND target_id = @mergeId", new { mergeId }));
        Assert.Equal("succeeded", audited);
    }

    [Fact]
    public async Task A_member_with_nothing_recorded_shows_a_sentence_under_every_section_instead_of_a_bare_heading()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        var memberId = Guid.CreateVersion7();
        await MemberSeed.ExecuteAsync(world, """
            INSERT INTO members (id, brand_id, home_dealer_id, status, member_number, tier, name, phone_masked, merged_into, joined_at, created_at, updated_at)
            VALUES (@memberId, @brandId, @dealerId, 'known', NULL, NULL, NULL, NULL, NULL, NULL, @now, @now)
            """,
            new { memberId, brandId = world.X.Id, dealerId = world.A1.Id, now = DateTimeOffset.UtcNow });

        var html = await world.HqX.Http.GetStringAsync($"/admin/brands/{world.X.Id}/members/{memberId}");

        Assert.Equal(
            ["还没有资料记录。", "没有可查看的身份。", "没有登记车辆。", "没有授权记录。", "没有可查看的工单。", "还没有动态。"],
            EmptySection().Matches(html).Select(m => m.Groups[1].Value));
    }

    private static List<string> Rows(string html) => [.. MemberRow().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr data-member=\"([0-9a-f-]{36})\"")]
    private static partial Regex MemberRow();

    [GeneratedRegex("<tr><td colspan=\"\\d\" class=\"muted\">([^<]+)</td></tr>")]
    private static partial Regex EmptySection();

    [GeneratedRegex("<tr data-merge=\"([0-9a-f-]{36})\" data-undone=\"false\"")]
    private static partial Regex MergeRow();
}

public sealed class MemberPortalTests_on_Sqlite() : MemberPortalTests(DatabaseProvider.Sqlite);

public sealed class MemberPortalTests_on_Postgres() : MemberPortalTests(DatabaseProvider.Postgres);
