using System.Globalization;
using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Parameters;
using WeLink.Workflow.Time;

namespace WeLink.Workflow.Engine;

/// <summary>
/// Decides a case's next step as a pure function of the definition, its pinned parameters, the dealer's calendar, the
/// case and the request. It reads no clock and touches no storage: the caller applies the outcome in one transaction.
/// Definitions are assumed valid (<see cref="DefinitionValidator"/>); a malformed one throws.
/// </summary>
public static class TransitionEvaluator
{
    /// <summary>The trigger recorded for a case's first step.</summary>
    public const string StartTrigger = "start";

    /// <summary>The case data field that lists the named steps done so far (see <see cref="StepDefinition"/>).</summary>
    public const string CompletedStepsField = "completedSteps";

    /// <summary>Starts a case in the initial state: its entry actions, its timers, and version 1.</summary>
    public static TransitionAccepted Start(WorkflowDefinition definition, ResolvedParameters parameters, BusinessCalendar calendar, StartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPinned(definition, parameters, calendar);
        var initial = definition.InitialState ?? throw new ArgumentException("The definition has no initial state.", nameof(definition));
        var snapshot = new CaseSnapshot(request.CaseId, initial, [], 0, null, [], null);
        var data = Merge(snapshot.Data, request.Data);
        var timers = new TimerPlanner(definition, parameters, calendar)
            .Plan(null, initial, [], null, GuardScope.For(snapshot, data, request.Data, parameters, []), request.Now);
        return new TransitionAccepted(
            StartTrigger, null, initial, 1, data, timers.Cancel, timers.Schedule, timers.Pause,
            Outbox(request.CaseId, 1, State(definition, initial).OnEnter));
    }

    public static TransitionOutcome Evaluate(
        WorkflowDefinition definition,
        ResolvedParameters parameters,
        BusinessCalendar calendar,
        CaseSnapshot snapshot,
        FireRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        CheckPinned(definition, parameters, calendar);
        var current = State(definition, snapshot.State);

        var onTrigger = definition.Transitions.Where(t => t.Trigger == request.Trigger).ToList();
        if (onTrigger.Count == 0)
        {
            return Refuse(RefusalReason.UnknownTrigger, $"'{definition.Key}' has no trigger '{request.Trigger}'.");
        }

        var fromHere = onTrigger.Where(t => t.From.Contains(snapshot.State)).ToList();
        if (fromHere.Count == 0)
        {
            var terminal = current.Terminal ? " (the case is finished)" : "";
            return Refuse(RefusalReason.NotAllowedFromState, $"'{request.Trigger}' is not allowed in state '{snapshot.State}'{terminal}.");
        }

        var permitted = fromHere.Where(t => t.Actors.Any(a => Permits(a, request.Actor))).ToList();
        if (permitted.Count == 0)
        {
            var allowed = string.Join(", ", fromHere.SelectMany(t => t.Actors).Distinct());
            return Refuse(RefusalReason.ActorNotPermitted, $"{request.Actor.Kind} may not '{request.Trigger}' in state '{snapshot.State}'; allowed: {allowed}.");
        }

        // Transitions sharing a trigger declare the same input (DefinitionValidator), so the first one's fields speak for all.
        var fields = permitted[0].Input;
        var problems = InputChecker.Problems(fields, request.Input);
        if (problems.Count > 0)
        {
            return new TransitionRefused(RefusalReason.InvalidInput, $"The input of '{request.Trigger}' does not fit: {string.Join("; ", problems)}.", problems);
        }

        var missingSteps = MissingSteps(definition, snapshot.Data, permitted);
        if (missingSteps.Count > 0)
        {
            var labels = string.Join("、", missingSteps.Select(s => s.Label));
            return new TransitionRefused(RefusalReason.StepsMissing, $"'{request.Trigger}' needs these steps done first: {labels}.", [.. missingSteps.Select(s => s.Key)]);
        }

        var totals = Totals(snapshot.Totals, fields, request.Input);
        var scope = GuardScope.For(snapshot, snapshot.Data, request.Input, parameters, totals);
        var chosen = permitted.FirstOrDefault(t => t.Guard is null || GuardEvaluator.Holds(t.Guard, scope));
        if (chosen is null)
        {
            return Refuse(RefusalReason.GuardFalse, $"The conditions for '{request.Trigger}' in state '{snapshot.State}' are not met.");
        }

        return Accept(definition, parameters, calendar, snapshot, request, chosen, totals);
    }

    /// <summary>
    /// The transitions <paramref name="actor"/> may fire from <paramref name="state"/>, one per trigger (the first in
    /// definition order: transitions sharing a trigger declare the same input). Guards are not weighed: they read input
    /// the actor has yet to give.
    /// </summary>
    public static IReadOnlyList<TransitionDefinition> Available(WorkflowDefinition definition, string state, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actor);
        return [.. definition.Transitions
            .Where(t => t.From.Contains(state) && t.Actors.Any(a => Permits(a, actor)))
            .DistinctBy(t => t.Trigger, StringComparer.Ordinal)];
    }

    private static TransitionAccepted Accept(
        WorkflowDefinition definition,
        ResolvedParameters parameters,
        BusinessCalendar calendar,
        CaseSnapshot snapshot,
        FireRequest request,
        TransitionDefinition chosen,
        JsonObject totals)
    {
        var to = chosen.To ?? snapshot.State;
        var sequence = snapshot.Version + 1;
        var data = (JsonObject)snapshot.Data.DeepClone();
        if (chosen.Completes is { } step)
        {
            data[CompletedStepsField] = new JsonArray([.. CompletedSteps(snapshot.Data).Append(step).Distinct(StringComparer.Ordinal).Select(s => JsonValue.Create(s))]);
        }

        // Timers read input.<field> as the latest value any step gave it, so that a date one step sets (a booked slot)
        // still anchors the reminders a later step arms.
        var latest = Merge(snapshot.Latest, request.Input);
        var timers = new TimerPlanner(definition, parameters, calendar)
            .Plan(snapshot.State, to, snapshot.Timers, snapshot.Pause, GuardScope.For(snapshot, data, latest, parameters, totals), request.Now);
        var entered = to == snapshot.State ? [] : State(definition, to).OnEnter;
        return new TransitionAccepted(
            request.Trigger, snapshot.State, to, sequence, data, timers.Cancel, timers.Schedule, timers.Pause,
            Outbox(snapshot.CaseId, sequence, [.. chosen.Actions, .. entered]))
        {
            Latest = latest,
            Totals = totals,
        };
    }

    private static bool Permits(string pattern, Actor actor)
    {
        if (!ActorPattern.TryParse(pattern, out var parsed))
        {
            return false;
        }

        return parsed.Kind switch
        {
            ActorPattern.Consumer => actor.Kind == ActorKind.Consumer,
            ActorPattern.System => actor.Kind == ActorKind.System,
            ActorPattern.Hq => actor.Kind == ActorKind.Hq,
            _ => actor.Kind == ActorKind.Staff && (parsed.Role is null || actor.Roles.Contains(parsed.Role)),
        };
    }

    private static List<StepDefinition> MissingSteps(WorkflowDefinition definition, JsonObject data, List<TransitionDefinition> permitted)
    {
        var done = CompletedSteps(data).ToHashSet(StringComparer.Ordinal);
        var required = permitted.SelectMany(t => t.RequiresSteps).Where(step => !done.Contains(step)).ToHashSet(StringComparer.Ordinal);
        return [.. definition.Steps.Where(s => required.Contains(s.Key))];
    }

    private static IEnumerable<string> CompletedSteps(JsonObject data) =>
        data[CompletedStepsField] is JsonArray steps
            ? steps.Select(s => s is JsonValue v && v.TryGetValue<string>(out var key) ? key : null).OfType<string>()
            : [];

    /// <summary>The case's running totals with this step's accumulating fields added (the input has passed <see cref="InputChecker"/>).</summary>
    private static JsonObject Totals(JsonObject before, IReadOnlyList<InputFieldDefinition> fields, JsonObject input)
    {
        var totals = (JsonObject)before.DeepClone();
        foreach (var field in fields.Where(f => f.Accumulate && input[f.Name] is not null))
        {
            totals[field.Name] = WholeNumber(totals[field.Name]) + WholeNumber(input[field.Name]);
        }

        return totals;
    }

    /// <summary>A number as JSON holds it, whichever CLR type built the node (a parsed body, or an int in code).</summary>
    internal static long WholeNumber(JsonNode? node) => node is null ? 0 : long.Parse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static JsonObject Merge(JsonObject data, JsonObject input)
    {
        var merged = (JsonObject)data.DeepClone();
        foreach (var (name, value) in input)
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>One outbox item per distinct action; the key makes a retried delivery recognisable downstream.</summary>
    private static List<OutboxAction> Outbox(Guid caseId, long sequence, IEnumerable<string> actions) =>
        [.. actions.Distinct(StringComparer.Ordinal).Select(a => new OutboxAction(a, $"{caseId:N}:{sequence}:{a}"))];

    private static TransitionRefused Refuse(RefusalReason reason, string message) => new(reason, message, []);

    private static StateDefinition State(WorkflowDefinition definition, string key) =>
        definition.States.FirstOrDefault(s => s.Key == key)
        ?? throw new InvalidOperationException($"'{definition.Key}' v{definition.Version} has no state '{key}'.");

    private static void CheckPinned(WorkflowDefinition definition, ResolvedParameters parameters, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(calendar);
        if (parameters.DefinitionKey != definition.Key || parameters.DefinitionVersion != definition.Version)
        {
            throw new ArgumentException(
                $"Parameters resolved for {parameters.DefinitionKey} v{parameters.DefinitionVersion} cannot run {definition.Key} v{definition.Version}.",
                nameof(parameters));
        }
    }
}
