using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Admin;

/// <summary>
/// The portal's settings pages refuse whoever may not change them, as the other portal pages do: HQ of another brand and
/// the admin of another dealer get 404, a dealer admin on HQ's brand pages 403, and nothing changes; what may be set is
/// checked, with the reason in Chinese.
/// </summary>
public abstract class SettingsPagesTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Only_HQ_of_the_brand_opens_its_menu_and_conversation_pages_and_others_change_nothing()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        var menu = $"/admin/brands/{world.X.Id}/menu";
        var conversations = $"/admin/brands/{world.X.Id}/conversations";
        var tokenY = await PortalForm.TokenAsync(world.HqY, $"/admin/brands/{world.Y.Id}/menu");
        var tokenA1 = await PortalForm.TokenAsync(world.DealerA1, $"/admin/dealers/{world.A1.Id}/staff");
        KeyValuePair<string, string>[] oneButton = [new("Buttons[0].Name", "预约"), new("Buttons[0].Type", "click"), new("Buttons[0].Key", "booking")];

        var own = (await world.HqX.Http.GetAsync(menu), await world.HqX.Http.GetAsync(conversations));
        var otherHq = (await world.HqY.Http.GetAsync(menu), await world.HqY.Http.GetAsync(conversations),
            await PortalForm.PostAsync(world.HqY, menu, [new(PortalForm.TokenField, tokenY), .. oneButton]),
            await PortalForm.PostAsync(world.HqY, conversations, [new(PortalForm.TokenField, tokenY), new("reply", "别家的回复")]));
        var dealerAdmin = (await world.DealerA1.Http.GetAsync(menu), await world.DealerA1.Http.GetAsync(conversations),
            await PortalForm.PostAsync(world.DealerA1, menu, [new(PortalForm.TokenField, tokenA1), .. oneButton]),
            await PortalForm.PostAsync(world.DealerA1, conversations, [new(PortalForm.TokenField, tokenA1), new("reply", "经销商的回复")]));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (own.Item1.StatusCode, own.Item2.StatusCode));
        Assert.Contains("公众号菜单", await own.Item1.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (otherHq.Item1.StatusCode, otherHq.Item2.StatusCode, otherHq.Item3.StatusCode, otherHq.Item4.StatusCode));
        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (dealerAdmin.Item1.StatusCode, dealerAdmin.Item2.StatusCode, dealerAdmin.Item3.StatusCode, dealerAdmin.Item4.StatusCode));
        Assert.Equal(0, await world.Admin.Database.ScalarAsync<long>("SELECT (SELECT COUNT(*) FROM brand_menus) + (SELECT COUNT(*) FROM brand_conversation_settings)"));
    }

    [Fact]
    public async Task A_dealer_admin_sets_the_duty_role_of_their_own_dealer_to_a_staff_role_audited_and_cannot_for_another_dealer()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        var settings = world.Admin.Host.Services.GetRequiredService<IConversationSettings>();
        var pageA1 = $"/admin/dealers/{world.A1.Id}/staff";
        var pageA2 = $"/admin/dealers/{world.A2.Id}/staff";
        var tokenA1 = await PortalForm.TokenAsync(world.DealerA1, pageA1);
        var tokenY = await PortalForm.TokenAsync(world.HqY, $"/admin/brands/{world.Y.Id}/dealers");

        var set = await PostDutyRoleAsync(world.DealerA1, pageA1, tokenA1, StaffRoles.ServiceManager);
        var saved = await world.DealerA1.Http.GetStringAsync(pageA1);
        var unknown = await PostDutyRoleAsync(world.DealerA1, pageA1, tokenA1, "boss");
        var refusal = await world.DealerA1.Http.GetStringAsync(pageA1);
        var sibling = await PostDutyRoleAsync(world.DealerA1, pageA2, tokenA1, StaffRoles.GeneralManager);
        var otherBrand = await PostDutyRoleAsync(world.HqY, pageA1, tokenY, StaffRoles.GeneralManager);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (set.StatusCode, unknown.StatusCode));
        Assert.Contains("新会话今后通知服务经理。", saved, StringComparison.Ordinal);
        Assert.Contains($"data-role=\"{StaffRoles.ServiceManager}\"", saved, StringComparison.Ordinal);
        Assert.Contains("请从销售顾问、服务顾问、服务经理、总经理中选择会话值班角色。", refusal, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (sibling.StatusCode, otherBrand.StatusCode));
        Assert.Equal(StaffRoles.ServiceManager, await settings.DutyRoleAsync(world.A1.Id, CancellationToken.None));
        Assert.Equal(ConversationDefaults.DutyRole, await settings.DutyRoleAsync(world.A2.Id, CancellationToken.None));
        var audited = Assert.Single(await world.Admin.Database.QueryAsync<string>(
            "SELECT detail FROM audit_log WHERE action = 'dealer.duty-role.set' AND target_id = @dealer", new { dealer = world.A1.Id.ToString() }));
        Assert.Equal($"role: {StaffRoles.ServiceManager}", audited);
    }

    [Fact]
    public async Task HQ_is_told_in_Chinese_when_the_out_of_hours_reply_is_empty_or_too_long_and_nothing_changes_until_a_valid_one_is_saved()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        var settings = world.Admin.Host.Services.GetRequiredService<IConversationSettings>();
        var page = $"/admin/brands/{world.X.Id}/conversations";
        var token = await PortalForm.TokenAsync(world.HqX, page);
        var tooLong = new string('长', ConversationDefaults.MaxOutOfHoursReply + 1);

        var empty = await PostReplyAsync(world.HqX, page, token, "   ");
        var overLimit = await PostReplyAsync(world.HqX, page, token, tooLong);
        var unchanged = await settings.OutOfHoursReplyAsync(world.X.Id, CancellationToken.None);
        var saved = await PostReplyAsync(world.HqX, page, token, "  门店已打烊，明早 9 点回复您。 ");
        var stored = await settings.OutOfHoursReplyAsync(world.X.Id, CancellationToken.None);
        var restored = await world.HqX.Http.PostAsync(page, new FormUrlEncodedContent([new(PortalForm.TokenField, token), new("reply", "x"), new("restore", "true")]));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写非营业时间自动回复。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var overLimitPage = await overLimit.Content.ReadAsStringAsync();
        Assert.Contains($"最多 {ConversationDefaults.MaxOutOfHoursReply} 个字，现在是 {tooLong.Length} 个字。", overLimitPage, StringComparison.Ordinal);
        Assert.Contains(tooLong, overLimitPage, StringComparison.Ordinal);
        Assert.Equal(ConversationDefaults.OutOfHoursReply, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("门店已打烊，明早 9 点回复您。", stored);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(ConversationDefaults.OutOfHoursReply, await settings.OutOfHoursReplyAsync(world.X.Id, CancellationToken.None));
        Assert.Equal(2, await world.Admin.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'brand.out-of-hours-reply.set' AND target_id = @brand", new { brand = world.X.Id.ToString() }));
    }

    private static Task<HttpResponseMessage> PostDutyRoleAsync(AdminClient admin, string page, string token, string role) =>
        PortalForm.PostAsync(admin, $"{page}?handler=DutyRole", [new(PortalForm.TokenField, token), new("role", role)]);

    private static Task<HttpResponseMessage> PostReplyAsync(AdminClient admin, string page, string token, string reply) =>
        PortalForm.PostAsync(admin, page, [new(PortalForm.TokenField, token), new("reply", reply)]);
}

public sealed class SettingsPagesTests_on_Sqlite() : SettingsPagesTests(DatabaseProvider.Sqlite);

public sealed class SettingsPagesTests_on_Postgres() : SettingsPagesTests(DatabaseProvider.Postgres);
