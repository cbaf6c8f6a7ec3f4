using System.Net;
using System.Net.Http.Json;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Onboarding;

/// <summary>Onboarding's admin changes land in the audit log like every other admin action: who, what, when and how it ended.</summary>
public abstract class OnboardingAuditTests<TWorld>(TWorld world) : IClassFixture<TWorld>
    where TWorld : TenancyWorld
{
    [Fact]
    public async Task Changing_a_staff_members_roles_is_audited_with_the_admin_and_the_new_roles()
    {
        var staffId = await world.StaffOfAsync(world.A1.Id);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var response = await world.DealerA1.Http.PutAsJsonAsync(
            $"/api/admin/dealers/{world.A1.Id}/staff/{staffId}/roles", new { roles = new[] { StaffRoles.ServiceAdvisor, StaffRoles.Consultant } }, AdminClient.Json);
        var rows = await world.HqX.GetOkAsync<List<AuditEntry>>("/api/admin/audit");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var row = Assert.Single(rows, r => r.Action == "staff.roles.set" && r.TargetId == staffId.ToString());
        Assert.Equal(("dealer-a1@welink.test", "staff", AuditOutcome.Succeeded), (row.ActorEmail, row.TargetType, row.Outcome));
        Assert.Equal((world.X.Id, world.A1.Id), (row.BrandId, row.DealerId));
        Assert.Equal($"roles: {StaffRoles.ServiceAdvisor}, {StaffRoles.Consultant}", row.Detail);
        Assert.InRange(row.OccurredAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.DoesNotContain(await world.HqY.GetOkAsync<List<AuditEntry>>("/api/admin/audit"), r => r.TargetId == staffId.ToString());
    }

    [Fact]
    public async Task Setting_roles_of_a_staff_member_the_dealer_does_not_have_is_audited_as_refused()
    {
        var stranger = await world.StaffOfAsync(world.A2.Id);

        using var response = await world.DealerA1.Http.PutAsJsonAsync(
            $"/api/admin/dealers/{world.A1.Id}/staff/{stranger}/roles", new { roles = new[] { StaffRoles.ServiceManager } }, AdminClient.Json);
        var rows = await world.HqX.GetOkAsync<List<AuditEntry>>("/api/admin/audit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var row = Assert.Single(rows, r => r.Action == "staff.roles.set" && r.TargetId == stranger.ToString());
        Assert.Equal(("dealer-a1@welink.test", AuditOutcome.Refused, world.A1.Id), (row.ActorEmail, row.Outcome, row.DealerId));
    }

    [Fact]
    public async Task Setting_the_brand_menu_is_audited_with_the_HQ_admin_and_the_brand()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var response = await world.HqY.Http.PutAsJsonAsync(
            $"/api/admin/brands/{world.Y.Id}/menu", new { button = new[] { new { type = "click", name = "Complaint", key = "complaint" } } }, AdminClient.Json);
        var rows = await world.HqY.GetOkAsync<List<AuditEntry>>("/api/admin/audit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(rows, r => r.Action == "brand.menu.set");
        Assert.Equal(("hq-y@welink.test", "brand", world.Y.Id.ToString(), AuditOutcome.Succeeded), (row.ActorEmail, row.TargetType, row.TargetId, row.Outcome));
        Assert.Equal(world.Y.Id, row.BrandId);
        Assert.Equal("已发布到 0 个已关联公众号中的 0 个", row.Detail);
        Assert.InRange(row.OccurredAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.DoesNotContain(await world.HqX.GetOkAsync<List<AuditEntry>>("/api/admin/audit"), r => r.Action == "brand.menu.set");
    }
}

public sealed class OnboardingAuditTests_on_Sqlite(SqliteTenancyWorld world) : OnboardingAuditTests<SqliteTenancyWorld>(world);

public sealed class OnboardingAuditTests_on_Postgres(PostgresTenancyWorld world) : OnboardingAuditTests<PostgresTenancyWorld>(world);
