using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;
using WeLink.Workflow.Tests.Support;

namespace WeLink.Workflow.Tests.Engine;

/// <summary>Named steps: a transition that completes one records it in the case data, one that requires them names each missing.</summary>
public sealed class NamedStepTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Actor Staff = Actor.Staff("s1", "service_manager");

    private static readonly WorkflowDefinition Recovery = new()
    {
        Key = "recovery",
        Version = 1,
        Title = "Recovery",
        InitialState = "open",
        States = [new StateDefinition { Key = "open" }, new StateDefinition { Key = "done", Terminal = true }],
        Steps = [new StepDefinition { Key = "listen", Label = "倾听" }, new StepDefinition { Key = "apologize", Label = "致歉" }],
        Transitions =
        [
            new TransitionDefinition { Trigger = "listen", From = ["open"], Actors = ["staff"], Completes = "listen" },
            new TransitionDefinition { Trigger = "apologize", From = ["open"], Actors = ["staff"], Completes = "apologize" },
            new TransitionDefinition { Trigger = "resolve", From = ["open"], To = "done", Actors = ["staff"], RequiresSteps = ["listen", "apologize"] },
        ],
    };

    private static readonly ResolvedParameters NoParameters =
        ParameterResolver.Resolve(Recovery, new Dictionary<string, BrandParameterSetting>(), new Dictionary<string, JsonNode?>()).Parameters!;

    private static TransitionOutcome Fire(JsonObject data, string trigger) =>
        TransitionEvaluator.Evaluate(
            Recovery, NoParameters, Calendars.Shanghai(), new CaseSnapshot(Guid.NewGuid(), "open", data, 3, null, [], null),
            new FireRequest(trigger, Staff, [], "k", Now));

    [Fact]
    public void The_recovery_sample_is_valid()
    {
        Assert.Empty(DefinitionValidator.Validate(Recovery, Catalog.Actions, Catalog.Roles));
    }

    [Fact]
    public void Resolving_before_any_step_is_refused_naming_every_missing_step()
    {
        var refused = Assert.IsType<TransitionRefused>(Fire([], "resolve"));

        Assert.Equal(RefusalReason.StepsMissing, refused.Reason);
        Assert.Equal(["listen", "apologize"], refused.Details);
        Assert.Contains("倾听、致歉", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Completing_a_step_records_it_once_and_leaves_only_the_others_missing()
    {
        var listened = Assert.IsType<TransitionAccepted>(Fire([], "listen"));
        var again = Assert.IsType<TransitionAccepted>(Fire(listened.Data, "listen"));

        Assert.Equal(["listen"], again.Data[TransitionEvaluator.CompletedStepsField]!.AsArray().Select(s => s!.GetValue<string>()));
        var refused = Assert.IsType<TransitionRefused>(Fire(again.Data, "resolve"));
        Assert.Equal(["apologize"], refused.Details);
    }

    [Fact]
    public void With_every_required_step_done_the_transition_fires()
    {
        var listened = Assert.IsType<TransitionAccepted>(Fire([], "listen"));
        var apologized = Assert.IsType<TransitionAccepted>(Fire(listened.Data, "apologize"));

        Assert.Equal("done", Assert.IsType<TransitionAccepted>(Fire(apologized.Data, "resolve")).To);
    }
}
