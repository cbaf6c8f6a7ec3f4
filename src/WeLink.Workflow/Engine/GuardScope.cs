using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Parameters;

namespace WeLink.Workflow.Engine;

/// <summary>What a guard may read.</summary>
internal sealed record GuardScope(JsonObject Data, JsonObject Input, JsonObject Case, ResolvedParameters Parameters)
{
    /// <summary>A guard reads <c>case.total.&lt;field&gt;</c> from <paramref name="totals"/>: the running totals with this step's input included.</summary>
    public static GuardScope For(CaseSnapshot snapshot, JsonObject data, JsonObject input, ResolvedParameters parameters, JsonObject totals) =>
        new(data, input, new JsonObject { ["state"] = snapshot.State, ["assignee"] = snapshot.Assignee, ["total"] = totals.DeepClone() }, parameters);

    /// <summary>The node at the path, or null when it is absent.</summary>
    public JsonNode? Read(GuardFieldPath path)
    {
        JsonNode? node = path.Source switch
        {
            GuardFieldSource.Data => Data,
            GuardFieldSource.Input => Input,
            _ => Case,
        };
        foreach (var segment in path.Segments)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return node;
    }
}
