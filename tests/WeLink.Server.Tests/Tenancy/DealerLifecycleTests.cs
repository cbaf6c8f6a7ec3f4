using System.Net;
using System.Net.Http.Json;
using WeLink.Server.Admin.Api;
using WeLink.Server.Data;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Tenancy;

public abstract class DealerLifecycleTests(DatabaseProvider provider)
{
    private static readonly string[] LifecycleActions = ["dealer.create", "dealer.approve", "dealer.suspend", "dealer.reinstate"];

    [Fact]
    public async Task HQ_approves_suspends_and_reinstates_a_dealer_and_every_step_is_audited()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        var dealer = await TenancyWorld.CreateDealerAsync(world.HqX, world.X, "BJ-001");

        var approved = await world.HqX.PostOkAsync<Dealer>($"/api/admin/dealers/{dealer.Id}/approve", new DealerVersionRequest(1));
        var suspended = await world.HqX.PostOkAsync<Dealer>($"/api/admin/dealers/{dealer.Id}/suspend", new DealerVersionRequest(2));
        var reinstated = await world.HqX.PostOkAsync<Dealer>($"/api/admin/dealers/{dealer.Id}/reinstate", new DealerVersionRequest(3));
        var stored = await world.HqX.GetOkAsync<Dealer>($"/api/admin/dealers/{dealer.Id}");

        Assert.Equal(DealerStatus.Pending, dealer.Status);
        Assert.False(dealer.IsLive);
        Assert.Equal((DealerStatus.Approved, 2), (approved.Status, approved.Version));
        Assert.Equal((DealerStatus.Suspended, 3), (suspended.Status, suspended.Version));
        Assert.Equal((DealerStatus.Approved, 4), (reinstated.Status, reinstated.Version));
        Assert.Equal((reinstated.Status, reinstated.Version), (stored.Status, stored.Version));
        Assert.True(stored.IsLive);

        var audit = await world.HqX.GetOkAsync<List<AuditEntry>>("/api/admin/audit");
        var steps = audit.Where(e => e.TargetId == dealer.Id.ToString()).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList();
        Assert.Equal(LifecycleActions, steps.Select(e => e.Action));
        Assert.All(steps, e => Assert.Equal((AuditOutcome.Succeeded, "hq-x@welink.test", world.X.Id, (Guid?)dealer.Id), (e.Outcome, e.ActorEmail, e.BrandId!.Value, e.DealerId)));
    }

    [Fact]
    public async Task A_stale_version_answers_409_changes_nothing_and_is_audited_as_a_conflict()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        var dealer = world.A1;
        await world.HqX.PostOkAsync<Dealer>($"/api/admin/dealers/{dealer.Id}/approve", new DealerVersionRequest(1));

        var stale = await world.HqX.PostAsync($"/api/admin/dealers/{dealer.Id}/suspend", new DealerVersionRequest(1));
        var problem = await stale.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(AdminClient.Json);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("第 2 版", problem!.Detail, StringComparison.Ordinal);
        Assert.Equal((DealerStatus.Approved, 2L), await StatusAsync(world, dealer.Id));
        Assert.Equal(1, await world.Admin.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'dealer.suspend' AND outcome = 'conflict'"));
    }

    [Fact]
    public async Task Two_admins_approving_the_same_version_at_once_get_one_success_and_one_409()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        var path = $"/api/admin/dealers/{world.A2.Id}/approve";

        var answers = await Task.WhenAll(
            world.HqX.PostAsync(path, new DealerVersionRequest(1)),
            world.Platform.PostAsync(path, new DealerVersionRequest(1)));

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, answers.Select(a => a.StatusCode).Order());
        Assert.Equal((DealerStatus.Approved, 2L), await StatusAsync(world, world.A2.Id));
    }

    [Fact]
    public async Task A_transition_that_does_not_fit_the_status_answers_409_and_is_audited_as_refused()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);

        var suspendPending = await world.HqX.PostAsync($"/api/admin/dealers/{world.A1.Id}/suspend", new DealerVersionRequest(1));
        var reinstatePending = await world.HqX.PostAsync($"/api/admin/dealers/{world.A1.Id}/reinstate", new DealerVersionRequest(1));

        Assert.Equal(HttpStatusCode.Conflict, suspendPending.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reinstatePending.StatusCode);
        Assert.Equal((DealerStatus.Pending, 1L), await StatusAsync(world, world.A1.Id));
        Assert.Equal(2, await world.Admin.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('dealer.suspend', 'dealer.reinstate') AND outcome = 'refused'"));
    }

    [Fact]
    public async Task A_dealer_admin_cannot_approve_its_own_dealer_and_a_duplicate_code_is_a_conflict()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);

        var selfApproval = await world.DealerA1.PostAsync($"/api/admin/dealers/{world.A1.Id}/approve", new DealerVersionRequest(1));
        var duplicate = await world.HqX.PostAsync($"/api/admin/brands/{world.X.Id}/dealers", new CreateDealerRequest("A1", "Another A1", null));
        var sameCodeOtherBrand = await world.HqY.PostAsync($"/api/admin/brands/{world.Y.Id}/dealers", new CreateDealerRequest("A1", "Y's A1", null));

        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sameCodeOtherBrand.StatusCode);
        Assert.Equal((DealerStatus.Pending, 1L), await StatusAsync(world, world.A1.Id));
    }

    [Fact]
    public async Task HQ_reads_its_brands_audit_rows_only_and_the_platform_admin_reads_all()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        await world.HqX.PostOkAsync<Dealer>($"/api/admin/dealers/{world.A1.Id}/approve", new DealerVersionRequest(1));
        await world.HqY.PostOkAsync<Dealer>($"/api/admin/dealers/{world.B1.Id}/approve", new DealerVersionRequest(1));

        var hqX = await world.HqX.GetOkAsync<List<AuditEntry>>("/api/admin/audit");
        var platform = await world.Platform.GetOkAsync<List<AuditEntry>>("/api/admin/audit");
        var dealerAdmin = await world.DealerA1.Http.GetAsync("/api/admin/audit");

        Assert.NotEmpty(hqX);
        Assert.All(hqX, e => Assert.Equal(world.X.Id, e.BrandId));
        Assert.Contains(platform, e => e.BrandId == world.Y.Id && e.Action == "dealer.approve");
        Assert.Contains(platform, e => e.BrandId is null && e.Action == "admin.bootstrap");
        Assert.Equal(HttpStatusCode.Forbidden, dealerAdmin.StatusCode);
    }

    private static async Task<(string, long)> StatusAsync(TenancyWorld world, Guid dealerId)
    {
        var status = await world.Admin.Database.ScalarAsync<string>("SELECT status FROM dealers WHERE id = @dealerId", new { dealerId });
        var version = await world.Admin.Database.ScalarAsync<long>("SELECT version FROM dealers WHERE id = @dealerId", new { dealerId });
        return (status, version);
    }
}

public sealed class DealerLifecycleTests_on_Sqlite() : DealerLifecycleTests(DatabaseProvider.Sqlite);

public sealed class DealerLifecycleTests_on_Postgres() : DealerLifecycleTests(DatabaseProvider.Postgres);
