using WeLink.Workflow.Definitions;

namespace WeLink.Server.Complaints;

/// <summary>The label a consumer sees for a state, from the definition version the case runs on.</summary>
public static class ComplaintLabels
{
    /// <summary>A state the definition gives no consumer label reads as work in progress, never as its internal name.</summary>
    public static string Of(WorkflowDefinition definition, string state)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.States.FirstOrDefault(s => s.Key == state)?.ConsumerLabel ?? "处理中";
    }
}
