using System.Globalization;
using System.Text.Json.Nodes;
using WeLink.Workflow.Actions;
using WeLink.Workflow.Parameters;

namespace WeLink.Server.Cases.Messaging;

/// <summary>Reads what an action needs from the case payload the engine hands it (see <see cref="CaseActionContext.Payload"/>).</summary>
public sealed class CasePayload(CaseActionContext context)
{
    /// <summary>The case data field naming the consumer of a case whose subject is not a consumer.</summary>
    public const string ConsumerField = "consumerId";

    public CaseActionContext Context => context;

    public Guid CaseId => context.CaseId;

    public string IdempotencyKey => context.IdempotencyKey;

    public string DefinitionKey => Text(context.Payload, "definitionKey") ?? "";

    public int DefinitionVersion => context.Payload["definitionVersion"]?.GetValue<int>() ?? 1;

    /// <summary>The state the step left the case in.</summary>
    public string State => Text(context.Payload, "to") ?? "";

    public long Sequence => context.Payload["sequence"]?.GetValue<long>() ?? 0;

    /// <summary>Whom the case is about: the consumer of a consumer-facing case, the member of a member process.</summary>
    public Guid SubjectId => Guid.Parse(Text(context.Payload, "subjectId") ?? throw new InvalidOperationException("The case has no subject."), CultureInfo.InvariantCulture);

    /// <summary>
    /// The consumer that consumer notices go to: the case data's <c>consumerId</c> when the process names one (a member
    /// process, whose subject is the member, names the consumer who applied), else the subject.
    /// </summary>
    public Guid ConsumerId => Data(ConsumerField) is { } consumer ? Guid.Parse(consumer, CultureInfo.InvariantCulture) : SubjectId;

    /// <summary>The parameters the case pinned when it started (the values its guards and timers use).</summary>
    public ResolvedParameters Parameters => context.Payload["parameters"] is JsonObject parameters
        ? ResolvedParameters.FromJson(parameters.ToJsonString())
        : throw new InvalidOperationException("The delivery carries no parameters (an outbox item written before they were added).");

    public string? Data(string field) => Text(Section("data"), field);

    public string? Input(string field) => Text(Section("input"), field);

    /// <summary>The latest value the case's steps gave the field, this step's included.</summary>
    public string? Latest(string field) => Text(Section("latest"), field);

    /// <summary><c>data</c>, <c>input</c> or <c>latest</c>; empty when the payload has none.</summary>
    public JsonObject Section(string name) => context.Payload[name] as JsonObject ?? [];

    /// <summary>A field as text: strings as they are, anything else as its JSON.</summary>
    public static string? Text(JsonObject node, string field) => node[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => other.ToJsonString(),
    };
}
