using WeLink.Testing;
using WeLink.Workflow.Definitions;

namespace WeLink.Workflow.Tests.Support;

internal static class SampleDefinitions
{
    /// <summary>The test-only example process (Definitions/example.v1.json): every part of the format, complaint-shaped.</summary>
    public static string ExampleJson() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", "example.v1.json"));

    public static WorkflowDefinition Example() => DefinitionLoader.Load(ExampleJson());

    /// <summary>The complaint process exactly as WeLink ships it.</summary>
    public static WorkflowDefinition ShippedComplaint() => DefinitionLoader.Load(ShippedDefinitions.ComplaintJson());

    /// <summary>open → (approve) → done; a valid base that validator tests break one rule at a time.</summary>
    public static WorkflowDefinition Minimal() => new()
    {
        Key = "minimal",
        Version = 1,
        Title = "Minimal",
        InitialState = "open",
        Actions = ["notify"],
        Parameters =
        [
            new ParameterDefinition { Name = "wait_hours", Type = ParameterType.WholeNumber, Default = 4, Min = 1, Max = 8 },
        ],
        States =
        [
            new StateDefinition { Key = "open", ConsumerLabel = "处理中", OnEnter = ["notify"] },
            new StateDefinition { Key = "done", ConsumerLabel = "已关闭", Terminal = true },
        ],
        Transitions =
        [
            new TransitionDefinition { Trigger = "approve", From = ["open"], To = "done", Actors = ["staff:service-manager"] },
            new TransitionDefinition { Trigger = "expire", From = ["open"], To = "done", Actors = ["system"] },
        ],
        Timers =
        [
            new TimerDefinition { Key = "expiry", States = ["open"], Trigger = "expire", After = "param:wait_hours", Unit = DurationUnit.Hours },
        ],
    };
}
