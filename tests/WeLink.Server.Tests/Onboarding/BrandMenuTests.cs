using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.MiniPrograms;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Onboarding;

public abstract class BrandMenuTests(DatabaseProvider provider)
{
    private const string Menu = """
        {"button": [
          {"type": "click", "name": "Test drive", "key": "test_drive"},
          {"name": "Service", "sub_button": [
            {"type": "click", "name": "Complaint", "key": "complaint"},
            {"type": "view", "name": "Member card", "url": "https://welink.example.com/card"}
          ]}
        ]}
        """;

    [Fact]
    public async Task HQ_menu_goes_onto_every_linked_account_of_the_brand_and_onto_accounts_linked_later()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var platform = await scene.AdminAsync();
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        var beijing = scene.Account("Aurora Motors Beijing Dealer").AppId;
        await OnboardingPages.AuthorizeThroughPagesAsync(platform, scene.DealerA, beijing);

        var put = await PutMenuAsync(hq, scene.BrandId, Menu);
        var publication = await put.Content.ReadAsStringAsync();
        var onBeijing = scene.World.MenuOf(beijing);

        var revoked = await scene.ControlAsync("component/unauthorize", new { appid = beijing });
        await scene.DeliverAsync(revoked.GetProperty("push_id").GetInt64());
        scene.World.SetMenu(beijing, "{}");
        await OnboardingPages.AuthorizeThroughPagesAsync(platform, scene.DealerA, beijing);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains($"\"appId\":\"{beijing}\",\"published\":true", publication, StringComparison.Ordinal);
        Assert.Contains("Test drive", onBeijing, StringComparison.Ordinal);
        Assert.Contains("Member card", scene.World.MenuOf(beijing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_HQ_of_the_brand_sets_its_menu_and_only_a_menu_WeChat_would_accept()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var dealerAdmin = await scene.AdminAsync(AdminRoles.Dealer, scene.BrandId, scene.DealerA);
        using var otherHq = await scene.AdminAsync(AdminRoles.Hq, Guid.NewGuid());
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        const string fourButtons = """{"button": [{"type":"click","name":"a","key":"a"},{"type":"click","name":"b","key":"b"},{"type":"click","name":"c","key":"c"},{"type":"click","name":"d","key":"d"}]}""";
        const string longChineseName = """{"button": [{"type":"click","name":"售后服务与投诉","key":"service"}]}""";
        const string clickWithoutKey = """{"button": [{"type":"click","name":"投诉"}]}""";

        Assert.Equal(HttpStatusCode.Forbidden, (await PutMenuAsync(dealerAdmin, scene.BrandId, Menu)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutMenuAsync(otherHq, scene.BrandId, Menu)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PutMenuAsync(hq, scene.BrandId, fourButtons)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PutMenuAsync(hq, scene.BrandId, "not json")).StatusCode);
        var tooLong = await PutMenuAsync(hq, scene.BrandId, longChineseName);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("一级按钮「售后服务与投诉」的名称超过 16 个字节", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var withoutKey = await PutMenuAsync(hq, scene.BrandId, clickWithoutKey);
        Assert.Equal(HttpStatusCode.BadRequest, withoutKey.StatusCode);
        Assert.Contains("点击按钮「投诉」需要 key", await withoutKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PutMenuAsync(hq, scene.BrandId, Menu)).StatusCode);
    }

    [Fact]
    public async Task A_mini_program_button_opens_the_brands_mini_program_with_each_accounts_dealer_in_the_page()
    {
        await using var scene = await OnboardingScene.StartAsync(provider);
        using var platform = await scene.AdminAsync();
        using var hq = await scene.AdminAsync(AdminRoles.Hq, scene.BrandId);
        var beijing = scene.Account("Aurora Motors Beijing Dealer").AppId;
        var club = scene.Account("Aurora Motors Club").AppId;
        await OnboardingPages.AuthorizeThroughPagesAsync(platform, scene.DealerA, beijing);
        const string miniProgramMenu = """
            {"button": [{"name": "服务", "sub_button": [
              {"type": "miniprogram", "name": "门店首页", "pagepath": "pages/home/index", "url": "https://welink.example.com/"},
              {"type": "miniprogram", "name": "我要投诉", "pagepath": "pages/complaints/new?dealerId={dealerId}", "url": "https://welink.example.com/"}
            ]}]}
            """;

        var withoutMiniProgram = await PutMenuAsync(hq, scene.BrandId, miniProgramMenu);
        await scene.Host.Services.GetRequiredService<MiniProgramLinkStore>()
            .SaveAsync(scene.BrandId, club, "Aurora Motors Club", "gh_club", DateTimeOffset.UtcNow, CancellationToken.None);
        var foreignAppId = await PutMenuAsync(hq, scene.BrandId, miniProgramMenu.Replace("\"name\": \"门店首页\"", $"\"appid\": \"{beijing}\", \"name\": \"门店首页\"", StringComparison.Ordinal));
        var noFallbackUrl = await PutMenuAsync(hq, scene.BrandId, """{"button": [{"type": "miniprogram", "name": "首页", "pagepath": "pages/home/index"}]}""");
        var put = await PutMenuAsync(hq, scene.BrandId, miniProgramMenu);

        Assert.Equal(
            (HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest, HttpStatusCode.OK),
            (withoutMiniProgram.StatusCode, foreignAppId.StatusCode, noFallbackUrl.StatusCode, put.StatusCode));
        Assert.Contains("\"published\":true", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var onBeijing = JsonDocument.Parse(scene.World.MenuOf(beijing)!);
        var buttons = onBeijing.RootElement.GetProperty("button")[0].GetProperty("sub_button");
        Assert.Equal(
            [(club, $"pages/home/index?dealerId={scene.DealerA}"), (club, $"pages/complaints/new?dealerId={scene.DealerA}")],
            buttons.EnumerateArray().Select(b => (b.GetProperty("appid").GetString(), b.GetProperty("pagepath").GetString())));
    }

    private static Task<HttpResponseMessage> PutMenuAsync(HttpClient admin, Guid brandId, string json) =>
        admin.PutAsync(new Uri($"/api/admin/brands/{brandId}/menu", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}

public sealed class BrandMenuTests_on_Sqlite() : BrandMenuTests(DatabaseProvider.Sqlite);

public sealed class BrandMenuTests_on_Postgres() : BrandMenuTests(DatabaseProvider.Postgres);
