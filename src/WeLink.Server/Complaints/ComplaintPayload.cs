using System.Globalization;
using System.Text.Json.Nodes;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Complaints;

/// <summary>Reads what an action needs from the case payload the engine hands it (see <see cref="CaseActionContext.Payload"/>).</summary>
public sealed class ComplaintPayload(CaseActionContext context)
{
    public Guid CaseId => context.CaseId;

    public string IdempotencyKey => context.IdempotencyKey;

    public Guid ConsumerId => Guid.Parse(Text(context.Payload, "subjectId") ?? throw new InvalidOperationException("A complaint case has no consumer."), CultureInfo.InvariantCulture);

    public string State => Text(context.Payload, "to") ?? "";

    public string Trigger => Text(context.Payload, "trigger") ?? "";

    public int DefinitionVersion => context.Payload["definitionVersion"]?.GetValue<int>() ?? 1;

    public long Sequence => context.Payload["sequence"]?.GetValue<long>() ?? 0;

    public string Category => Data("category") ?? "";

    public string Description => Data("description") ?? "";

    public string Severity => Data("severity") ?? "normal";

    public string? Vehicle => Data("vehicle");

    public string? Data(string field) => context.Payload["data"] is JsonObject data ? Text(data, field) : null;

    public string? Input(string field) => context.Payload["input"] is JsonObject input ? Text(input, field) : null;

    private static string? Text(JsonObject node, string field) => node[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => other.ToJsonString(),
    };
}
