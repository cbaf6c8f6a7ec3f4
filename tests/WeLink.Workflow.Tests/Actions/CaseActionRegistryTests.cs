using WeLink.Workflow.Actions;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Tests.Support;

namespace WeLink.Workflow.Tests.Actions;

public sealed class CaseActionRegistryTests
{
    [Fact]
    public void A_family_handler_offers_one_action_per_known_role_and_receives_the_role()
    {
        var registry = new CaseActionRegistry([new Named("send_receipt"), new Named("assign:")], ["service_manager", "supervisor"]);

        Assert.Equal(["assign:service_manager", "assign:supervisor", "send_receipt"], registry.Names.Order(StringComparer.Ordinal));
        Assert.True(registry.TryFind("assign:supervisor", out var handler, out var role));
        Assert.Equal(("assign:", "supervisor"), (handler.Name, role));
        Assert.True(registry.TryFind("send_receipt", out _, out var none));
        Assert.Null(none);
        Assert.False(registry.TryFind("assign:", out _, out _));
        Assert.False(registry.TryFind("grant_points", out _, out _));
    }

    [Fact]
    public void Two_handlers_with_one_name_are_a_wiring_mistake()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new CaseActionRegistry([new Named("notify"), new Named("notify")], []));
        Assert.Contains("'notify'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_naming_an_unregistered_action_is_refused_by_the_registry_names()
    {
        var registry = new CaseActionRegistry(Catalog.Actions.Where(a => a != "send_survey").Select(a => new Named(a)), Catalog.Roles);

        var problems = DefinitionValidator.Validate(SampleDefinitions.Example(), registry.Names, Catalog.Roles);

        Assert.Contains(problems, p => p.Message.Contains("send_survey", StringComparison.Ordinal));
    }

    [Fact]
    public void A_timer_can_be_marked_as_a_breach()
    {
        var definition = DefinitionLoader.Load(SampleDefinitions.ExampleJson().Replace(
            "\"trigger\": \"first_response_overdue\", \"after\"", "\"trigger\": \"first_response_overdue\", \"breach\": true, \"after\"", StringComparison.Ordinal));

        Assert.True(definition.Timers.Single(t => t.Key == "first_response_breach").Breach);
        Assert.False(definition.Timers.Single(t => t.Key == "resolution_reminder").Breach);
    }

    private sealed class Named(string name) : ICaseActionHandler
    {
        public string Name => name;

        public Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
