using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Cases;

namespace WeLink.Server.Tests.Admin;

/// <summary>
/// The portal's case list and case page: each admin sees the cases of their scope (a dealer admin their dealer's, HQ their
/// brand's), filtered by dealer, process, state and breach, 50 a page; the case page shows its steps, notes and deliveries;
/// a case or dealer outside the scope shows nothing and its page is not found.
/// </summary>
public abstract class CasePortalTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private WeLinkTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(provider);
        _host = await WeLinkTestHost.StartAsync(_database.HostArgs, b =>
        {
            b.AddTestSessions();
            b.Services.AddExampleProcess(new RecordingActions());
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_dealer_admin_lists_their_dealers_cases_newest_first_filters_by_state_and_breach_and_pages_by_fifty()
    {
        var (brand, dealerA) = await _database.SeedDealerAsync();
        var (_, dealerB) = await _database.SeedDealerAsync(brand);
        var started = new List<Guid>();
        for (var i = 0; i < 51; i++)
        {
            started.Add(await StartAsync(brand, dealerA));
        }

        var other = await StartAsync(brand, dealerB);
        var acknowledged = started[0];
        await Engine.FireAsync(new FireTrigger(acknowledged, CaseScope.Platform, "acknowledge", CaseFixtures.Handler, [], "ack"), CancellationToken.None);
        var breached = started[1];
        await _database.ExecuteAsync("UPDATE cases SET breached_at = created_at WHERE id = @breached", new { breached });
        using var dealerAdmin = await TestSessionEndpoint.SignInAsync(_host.BaseAddress, "admin", Guid.NewGuid(), brand, dealerA, AdminRoles.Dealer);

        var first = await dealerAdmin.GetStringAsync(new Uri("/admin/cases", UriKind.Relative));
        var second = await dealerAdmin.GetStringAsync(new Uri("/admin/cases?page=2", UriKind.Relative));
        var inProgress = await dealerAdmin.GetStringAsync(new Uri("/admin/cases?process=example&state=in_progress", UriKind.Relative));
        var late = await dealerAdmin.GetStringAsync(new Uri("/admin/cases?breached=yes", UriKind.Relative));
        var foreignDealer = await dealerAdmin.GetStringAsync(new Uri($"/admin/cases?dealer={dealerB}", UriKind.Relative));

        Assert.Contains("共 51 件，第 1 / 2 页", first, StringComparison.Ordinal);
        Assert.Equal(50, CaseIds(first).Count);
        Assert.Equal(started[50], CaseIds(first)[0]);
        Assert.Equal([started[0]], CaseIds(second));
        Assert.Contains("page=2", first, StringComparison.Ordinal);
        Assert.DoesNotContain(other, CaseIds(first).Concat(CaseIds(second)));
        Assert.Equal([acknowledged], CaseIds(inProgress));
        Assert.Equal([breached], CaseIds(late));
        Assert.Contains("已超时", late, StringComparison.Ordinal);
        Assert.Equal(51, CaseIds(foreignDealer).Count + CaseIds(await dealerAdmin.GetStringAsync(new Uri($"/admin/cases?dealer={dealerB}&page=2", UriKind.Relative))).Count);
    }

    [Fact]
    public async Task Hq_lists_the_whole_brand_and_narrows_to_one_dealer_while_another_brands_hq_sees_none_of_it()
    {
        var (brand, dealerA) = await _database.SeedDealerAsync();
        var (_, dealerB) = await _database.SeedDealerAsync(brand);
        var (otherBrand, _) = await _database.SeedDealerAsync();
        var atA = await StartAsync(brand, dealerA);
        var atB = await StartAsync(brand, dealerB);
        using var hq = await TestSessionEndpoint.SignInAsync(_host.BaseAddress, "admin", Guid.NewGuid(), brand, null, AdminRoles.Hq);
        using var otherHq = await TestSessionEndpoint.SignInAsync(_host.BaseAddress, "admin", Guid.NewGuid(), otherBrand, null, AdminRoles.Hq);

        var all = await hq.GetStringAsync(new Uri("/admin/cases", UriKind.Relative));
        var onlyB = await hq.GetStringAsync(new Uri($"/admin/cases?dealer={dealerB}", UriKind.Relative));
        var foreign = await otherHq.GetStringAsync(new Uri($"/admin/cases?dealer={dealerA}", UriKind.Relative));

        Assert.Equal([atB, atA], CaseIds(all));
        Assert.Equal([atB], CaseIds(onlyB));
        Assert.Empty(CaseIds(foreign));
        Assert.Contains("没有符合条件的工单", foreign, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHq.GetAsync(new Uri($"/admin/cases/{atA}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_case_page_shows_what_was_filed_every_step_with_who_took_it_the_notes_and_the_deliveries()
    {
        var (brand, dealer) = await _database.SeedDealerAsync();
        var caseId = await StartAsync(brand, dealer);
        await Engine.FireAsync(new FireTrigger(caseId, CaseScope.Platform, "acknowledge", CaseFixtures.Handler, [], "ack"), CancellationToken.None);
        using var dealerAdmin = await TestSessionEndpoint.SignInAsync(_host.BaseAddress, "admin", Guid.NewGuid(), brand, dealer, AdminRoles.Dealer);
        using var otherDealerAdmin = await TestSessionEndpoint.SignInAsync(_host.BaseAddress, "admin", Guid.NewGuid(), brand, Guid.NewGuid(), AdminRoles.Dealer);
        await Poll.UntilAsync(
            () => _database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE case_id = @caseId AND action = 'send_receipt' AND status = 'done'", new { caseId }),
            done => done == 1,
            Deadline.Delivery,
            "the outbox delivers the receipt");

        var page = await dealerAdmin.GetStringAsync(new Uri($"/admin/cases/{caseId}", UriKind.Relative));

        Assert.Contains("The car was not washed.", page, StringComparison.Ordinal);
        Assert.Contains("data-sequence=\"1\" data-trigger=\"start\"", page, StringComparison.Ordinal);
        Assert.Contains("data-trigger=\"acknowledge\"", page, StringComparison.Ordinal);
        Assert.Contains("received → in_progress", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"send_receipt\" data-status=\"done\"", page, StringComparison.Ordinal);
        Assert.Contains("客户", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDealerAdmin.GetAsync(new Uri($"/admin/cases/{caseId}", UriKind.Relative))).StatusCode);
    }

    private CaseEngine Engine => _host.Services.GetRequiredService<CaseEngine>();

    private async Task<Guid> StartAsync(Guid brand, Guid dealer) =>
        Assert.IsType<CaseMoved>(await Engine.StartAsync(CaseEngineTests.Start(brand, dealer, $"s-{Guid.NewGuid():N}"), CancellationToken.None)).CaseId;

    /// <summary>The case ids of the list's rows, top to bottom.</summary>
    private static List<Guid> CaseIds(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr data-case=\"([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value))];
}

public sealed class CasePortalTests_on_Sqlite() : CasePortalTests(DatabaseProvider.Sqlite);

public sealed class CasePortalTests_on_Postgres() : CasePortalTests(DatabaseProvider.Postgres);
