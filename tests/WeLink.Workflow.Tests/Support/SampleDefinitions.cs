using WeLink.Workflow.Definitions;

namespace WeLink.Workflow.Tests.Support;

internal static class SampleDefinitions
{
    public static string ComplaintJson() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", "complaint.v1.json"));

    public static WorkflowDefinition Complaint() => DefinitionLoader.Load(ComplaintJson());

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
            new TransitionDefinition { Trigger = "approve", From = ["open"], To = "done", Actors = ["staff:service_manager"] },
            new TransitionDefinition { Trigger = "expire", From = ["open"], To = "done", Actors = ["system"] },
        ],
        Timers =
        [
            new TimerDefinition { Key = "expiry", States = ["open"], Trigger = "expire", After = "param:wait_hours", Unit = DurationUnit.Hours },
        ],
    };
}
