using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Cases.Inbox;
using WeLink.Server.Data;
using WeLink.Workflow.Parameters;
using static WeLink.Server.Tests.Complaints.ComplaintTests;

namespace WeLink.Server.Tests.Complaints;

/// <summary>
/// The remedy authority the staff app shows under 补偿积分, over real HTTP: the complaint's
/// <c>staff_remedy_limit_points</c> as the case pinned it (the default, or the dealer's own value where HQ lets the dealer
/// set it) less what the case has already used of it, in the words each role's offer means.
/// </summary>
public abstract class RemedyAuthorityHintTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task An_advisor_is_told_the_default_500_points_and_then_what_is_left_after_a_grant()
    {
        var id = await CaseInProgressAsync("default-limit");
        using var advisor = await _world.StaffAsync(_world.Advisor);

        var fresh = await OfferAsync(advisor, id);
        await FireAsStaffAsync(advisor, id, "offer_remedy", new { remedyPoints = 300, remedyDescription = "赠送保养积分" });
        var afterGrant = await OfferAsync(advisor, id);

        Assert.Equal("您的补偿权限：还可补偿 500 积分（本案累计超过 500 积分需服务经理审批）", Hint(fresh, "remedyPoints"));
        Assert.Null(Hint(fresh, "remedyDescription"));
        Assert.Equal("您的补偿权限：还可补偿 200 积分（本案累计超过 500 积分需服务经理审批）", Hint(afterGrant, "remedyPoints"));
    }

    [Fact]
    public async Task A_dealers_own_limit_set_where_hq_allows_it_is_the_one_told_and_the_one_applied()
    {
        var settings = _world.Host.Services.GetRequiredService<ParameterSettingsStore>();
        var allowed = await settings.SetBrandSettingsAsync(
            _world.BrandId, "complaint", new Dictionary<string, BrandParameterSetting> { ["staff_remedy_limit_points"] = new(null, DealerAdjustable: true) }, CancellationToken.None);
        Assert.Empty(allowed.Errors);
        Assert.Empty(await settings.SetDealerOverridesAsync(
            _world.BrandId, _world.BeijingDealerId, "complaint", new Dictionary<string, JsonNode?> { ["staff_remedy_limit_points"] = 800 }, CancellationToken.None));
        var id = await CaseInProgressAsync("dealer-limit");
        using var advisor = await _world.StaffAsync(_world.Advisor);

        var offer = await OfferAsync(advisor, id);
        await FireAsStaffAsync(advisor, id, "offer_remedy", new { remedyPoints = 700, remedyDescription = "赠送保养积分" });

        Assert.Equal("您的补偿权限：还可补偿 800 积分（本案累计超过 800 积分需服务经理审批）", Hint(offer, "remedyPoints"));
        Assert.Equal("in_progress", (await _world.CaseAsync(id)).State);
    }

    [Fact]
    public async Task A_manager_is_told_the_limit_without_being_sent_to_a_managers_approval()
    {
        var id = await CaseInProgressAsync("manager");
        using var manager = await _world.StaffAsync(_world.Manager);

        var offer = await OfferAsync(manager, id);

        Assert.Equal("您的补偿权限：还可补偿 500 积分（本案累计上限 500 积分）", Hint(offer, "remedyPoints"));
    }

    private async Task<Guid> CaseInProgressAsync(string key)
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var complaint = await FileAsync(consumer, key, "服务态度", "normal");
        await Poll.UntilAsync(() => _world.CaseAsync(complaint.Id), c => c.AssigneeStaffId is not null, Deadline.BackgroundWork, "the assignment");
        using var advisor = await _world.StaffAsync(_world.Advisor);
        await FireAsStaffAsync(advisor, complaint.Id, "acknowledge", new { });
        return complaint.Id;
    }

    private static async Task<TransitionOption> OfferAsync(HttpClient staff, Guid id) =>
        Assert.Single((await TransitionsAsync(staff, id)).Transitions, t => t.Trigger == "offer_remedy");

    private static string? Hint(TransitionOption offer, string field) => Assert.Single(offer.Input, f => f.Name == field).Hint;
}

public sealed class RemedyAuthorityHintTests_on_Sqlite() : RemedyAuthorityHintTests(DatabaseProvider.Sqlite);

public sealed class RemedyAuthorityHintTests_on_Postgres() : RemedyAuthorityHintTests(DatabaseProvider.Postgres);
