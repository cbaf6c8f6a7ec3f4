using System.Net;
using WeLink.Server.Data;
using WeLink.Server.Tenancy;

namespace WeLink.Server.Tests.Admin;

public abstract class PortalFormTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_sign_in_form_without_its_antiforgery_token_is_refused_and_with_it_starts_a_session()
    {
        await using var admin = await AdminHost.StartAsync(provider);
        using var client = AdminClient.Anonymous(admin.Host);

        var forged = await PortalForm.PostAsync(client, "/admin/login", [new("Email", AdminHost.RootEmail), new("Password", AdminHost.RootPassword)]);
        var meAfterForged = await client.Http.GetAsync("/api/admin/me");
        var signedIn = await PortalForm.SignInAsync(client, AdminHost.RootEmail, AdminHost.RootPassword);
        var home = await client.Http.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, meAfterForged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin", signedIn.Headers.Location?.OriginalString);
        Assert.Equal("/admin/brands", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_admins_form_without_the_token_changes_nothing()
    {
        await using var admin = await AdminHost.StartAsync(provider);
        using var client = AdminClient.Anonymous(admin.Host);
        await PortalForm.SignInAsync(client, AdminHost.RootEmail, AdminHost.RootPassword);

        var forged = await PortalForm.PostAsync(client, "/admin/brands", [new("name", "Forged brand")]);
        var token = await PortalForm.TokenAsync(client, "/admin/brands");
        var genuine = await PortalForm.PostAsync(client, "/admin/brands", [new(PortalForm.TokenField, token), new("name", "Genuine brand")]);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, genuine.StatusCode);
        Assert.Equal(0, await admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM brands WHERE name = 'Forged brand'"));
        Assert.Equal(1, await admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM brands WHERE name = 'Genuine brand'"));
    }

    [Fact]
    public async Task A_wrong_password_on_the_form_shows_the_form_again_without_a_session()
    {
        await using var admin = await AdminHost.StartAsync(provider);
        using var client = AdminClient.Anonymous(admin.Host);

        var refused = await PortalForm.SignInAsync(client, AdminHost.RootEmail, "wrong-password");
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(SignInAttempt.RefusalDetail, page, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_pages_send_strangers_to_sign_in_and_hide_other_tenants_behind_404()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        using var stranger = AdminClient.Anonymous(world.Admin.Host);
        using var hqX = AdminClient.Anonymous(world.Admin.Host);
        await PortalForm.SignInAsync(hqX, "hq-x@welink.test", TenancyWorld.Password);
        using var dealerA1 = AdminClient.Anonymous(world.Admin.Host);
        await PortalForm.SignInAsync(dealerA1, "dealer-a1@welink.test", TenancyWorld.Password);

        var strangerPage = await stranger.Http.GetAsync("/admin/brands");
        var ownDealers = await hqX.Http.GetAsync($"/admin/brands/{world.X.Id}/dealers");
        var foreignDealers = await hqX.Http.GetAsync($"/admin/brands/{world.Y.Id}/dealers");
        var foreignDealer = await hqX.Http.GetAsync($"/admin/dealers/{world.B1.Id}");
        var siblingDealer = await dealerA1.Http.GetAsync($"/admin/dealers/{world.A2.Id}");
        var ownDealer = await dealerA1.Http.GetAsync($"/admin/dealers/{world.A1.Id}");
        var token = await PortalForm.TokenAsync(dealerA1, $"/admin/dealers/{world.A1.Id}");
        var selfApproval = await PortalForm.PostAsync(dealerA1, $"/admin/dealers/{world.A1.Id}?handler=Change&transition=approve", [new(PortalForm.TokenField, token), new("version", "1")]);

        Assert.Equal(HttpStatusCode.Redirect, strangerPage.StatusCode);
        Assert.StartsWith("/admin/login?returnUrl=", strangerPage.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownDealers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignDealers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignDealer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, siblingDealer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownDealer.StatusCode);
        Assert.DoesNotContain("data-transition", await ownDealer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Equal("pending", await world.Admin.Database.ScalarAsync<string>("SELECT status FROM dealers WHERE id = @id", new { id = world.A1.Id }));
    }

    [Fact]
    public async Task Portal_role_checks_come_from_the_page_conventions_and_refuse_with_403_changing_nothing()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        using var hqX = AdminClient.Anonymous(world.Admin.Host);
        await PortalForm.SignInAsync(hqX, "hq-x@welink.test", TenancyWorld.Password);
        using var dealerA1 = AdminClient.Anonymous(world.Admin.Host);
        await PortalForm.SignInAsync(dealerA1, "dealer-a1@welink.test", TenancyWorld.Password);
        var dealerPage = $"/admin/dealers/{world.A1.Id}";
        var token = await PortalForm.TokenAsync(dealerA1, dealerPage);
        var before = await world.Admin.Database.ScalarAsync<long>("SELECT (SELECT COUNT(*) FROM dealers) + (SELECT COUNT(*) FROM regions) + (SELECT COUNT(*) FROM admin_users) + (SELECT COUNT(*) FROM brands)");

        var dealerAudit = await dealerA1.Http.GetAsync("/admin/audit");
        var dealerQueue = await dealerA1.Http.GetAsync("/admin/inbox");
        var hqQueue = await hqX.Http.GetAsync("/admin/inbox");
        var hqAudit = await hqX.Http.GetAsync("/admin/audit");
        var brandsPage = await dealerA1.Http.GetAsync("/admin/brands");
        var newBrand = await PortalForm.PostAsync(dealerA1, "/admin/brands", [new(PortalForm.TokenField, token), new("name", "Brand Z")]);
        var newDealer = await PortalForm.PostAsync(dealerA1, $"/admin/brands/{world.X.Id}/dealers?handler=CreateDealer", [new(PortalForm.TokenField, token), new("code", "Z1"), new("name", "Z1")]);
        var newRegion = await PortalForm.PostAsync(dealerA1, $"/admin/brands/{world.X.Id}/dealers?handler=CreateRegion", [new(PortalForm.TokenField, token), new("name", "North")]);
        var newAdmin = await PortalForm.PostAsync(dealerA1, $"{dealerPage}?handler=CreateAdmin", [new(PortalForm.TokenField, token), new("email", "second@welink.test"), new("displayName", "Second"), new("password", TenancyWorld.Password)]);

        Assert.Equal(HttpStatusCode.Forbidden, dealerAudit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dealerQueue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, hqQueue.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hqAudit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, brandsPage.StatusCode);
        Assert.All([newBrand, newDealer, newRegion, newAdmin], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, await world.Admin.Database.ScalarAsync<long>("SELECT (SELECT COUNT(*) FROM dealers) + (SELECT COUNT(*) FROM regions) + (SELECT COUNT(*) FROM admin_users) + (SELECT COUNT(*) FROM brands)"));
    }
}

public sealed class PortalFormTests_on_Sqlite() : PortalFormTests(DatabaseProvider.Sqlite);

public sealed class PortalFormTests_on_Postgres() : PortalFormTests(DatabaseProvider.Postgres);
