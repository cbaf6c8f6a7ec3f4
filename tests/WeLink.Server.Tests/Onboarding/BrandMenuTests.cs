using System.Net;
using System.Text;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Onboarding;

public abstract class BrandMenuTests(DatabaseProvider provider)
{
    private const string Menu = """
        {"button": [
          {"type": "click", "name": "Book a test drive", "key": "test_drive"},
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
        await OnboardingScene.AuthorizeThroughPagesAsync(platform, scene.DealerA, beijing);

        var put = await PutMenuAsync(hq, scene.BrandId, Menu);
        var publication = await put.Content.ReadAsStringAsync();
        var onBeijing = scene.World.MenuOf(beijing);

        var revoked = await scene.ControlAsync("component/unauthorize", new { appid = beijing });
        await scene.DeliverAsync(revoked.GetProperty("push_id").GetInt64());
        scene.World.SetMenu(beijing, "{}");
        await OnboardingScene.AuthorizeThroughPagesAsync(platform, scene.DealerA, beijing);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains($"\"appId\":\"{beijing}\",\"published\":true", publication, StringComparison.Ordinal);
        Assert.Contains("Book a test drive", onBeijing, StringComparison.Ordinal);
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

        Assert.Equal(HttpStatusCode.Forbidden, (await PutMenuAsync(dealerAdmin, scene.BrandId, Menu)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutMenuAsync(otherHq, scene.BrandId, Menu)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PutMenuAsync(hq, scene.BrandId, fourButtons)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PutMenuAsync(hq, scene.BrandId, "not json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutMenuAsync(hq, scene.BrandId, Menu)).StatusCode);
    }

    private static Task<HttpResponseMessage> PutMenuAsync(HttpClient admin, Guid brandId, string json) =>
        admin.PutAsync(new Uri($"/api/admin/brands/{brandId}/menu", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}

public sealed class BrandMenuTests_on_Sqlite() : BrandMenuTests(DatabaseProvider.Sqlite);

public sealed class BrandMenuTests_on_Postgres() : BrandMenuTests(DatabaseProvider.Postgres);
