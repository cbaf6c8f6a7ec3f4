namespace WeLink.Workflow.Definitions;

/// <summary>
/// Checks a definition against its own rules and against what the host offers (registered action handlers, staff roles),
/// and reports every problem at once so whoever edits the definition can fix them in one pass.
/// </summary>
public static class DefinitionValidator
{
    private const string TimerAnchorPrefix = "timer:";

    public static IReadOnlyList<DefinitionProblem> Validate(
        WorkflowDefinition definition,
        IReadOnlySet<string> registeredActions,
        IReadOnlySet<string> knownRoles)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(registeredActions);
        ArgumentNullException.ThrowIfNull(knownRoles);

        var problems = new List<DefinitionProblem>();
        var states = IndexUnique(definition.States.Select(s => s.Key), "states", "key", "state key", problems);
        var parameters = IndexUnique(definition.Parameters.Select(p => p.Name), "parameters", "name", "parameter name", problems);
        var declaredActions = IndexUnique(definition.Actions, "actions", null, "action", problems);
        var timerKeys = IndexUnique(definition.Timers.Select(t => t.Key), "timers", "key", "timer key", problems);
        var parameterTypes = definition.Parameters
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);
        var context = new Context(definition, states, parameterTypes, declaredActions, problems);

        CheckHeader(definition, problems);
        CheckDeclaredActions(definition, registeredActions, problems);
        CheckInitialState(definition, states, problems);
        CheckStates(context);
        CheckTransitions(context, knownRoles);
        CheckReachability(context);
        CheckTimers(context, timerKeys);
        CheckParameters(definition, problems);
        TextRules.Check(definition, knownRoles, problems);
        TextRules.CheckSteps(definition, problems);
        return problems;
    }

    private static void CheckHeader(WorkflowDefinition definition, List<DefinitionProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(definition.Key))
        {
            problems.Add(new("key", "must not be empty"));
        }

        if (definition.Version < 1)
        {
            problems.Add(new("version", $"must be 1 or more, is {definition.Version}"));
        }

        if (string.IsNullOrWhiteSpace(definition.Title))
        {
            problems.Add(new("title", "must not be empty"));
        }
    }

    private static HashSet<string> IndexUnique(IEnumerable<string> keys, string collection, string? member, string what, List<DefinitionProblem> problems)
    {
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var key in keys)
        {
            var path = member is null ? $"{collection}[{index}]" : $"{collection}[{index}].{member}";
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add(new(path, $"{what} must not be empty"));
            }
            else if (!firstIndex.TryAdd(key, index))
            {
                problems.Add(new(path, $"duplicate {what} '{key}' (first at {collection}[{firstIndex[key]}])"));
            }

            index++;
        }

        return [.. firstIndex.Keys];
    }

    private static void CheckDeclaredActions(WorkflowDefinition definition, IReadOnlySet<string> registeredActions, List<DefinitionProblem> problems)
    {
        // A notice needs no handler of its own: the host's case messaging sends every notice a definition declares.
        var notices = definition.Notices.Select(n => n.Action).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < definition.Actions.Count; i++)
        {
            var action = definition.Actions[i];
            if (!string.IsNullOrWhiteSpace(action) && !registeredActions.Contains(action) && !notices.Contains(action))
            {
                problems.Add(new($"actions[{i}]", $"no handler is registered for action '{action}'"));
            }
        }
    }

    private static void CheckInitialState(WorkflowDefinition definition, HashSet<string> states, List<DefinitionProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(definition.InitialState))
        {
            problems.Add(new("initialState", "is missing"));
        }
        else if (!states.Contains(definition.InitialState))
        {
            problems.Add(new("initialState", $"unknown state '{definition.InitialState}'"));
        }
    }

    private static void CheckStates(Context context)
    {
        var definition = context.Definition;
        for (var i = 0; i < definition.States.Count; i++)
        {
            var state = definition.States[i];
            CheckActionReferences(context, state.OnEnter, $"states[{i}].onEnter");
            if (state.Terminal && state.WaitsOnConsumer)
            {
                context.Problems.Add(new($"states[{i}].waitsOnConsumer", $"terminal state '{state.Key}' cannot wait on the consumer"));
            }

            var leaves = definition.Transitions.Any(t => t.From.Contains(state.Key) && t.To is not null && t.To != state.Key);
            if (!state.Terminal && !leaves)
            {
                context.Problems.Add(new($"states[{i}]", $"state '{state.Key}' is not terminal but no transition leaves it (dead end)"));
            }
        }
    }

    private static void CheckTransitions(Context context, IReadOnlySet<string> knownRoles)
    {
        var definition = context.Definition;
        var terminal = definition.States.Where(s => s.Terminal).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < definition.Transitions.Count; i++)
        {
            var transition = definition.Transitions[i];
            var path = $"transitions[{i}]";
            if (string.IsNullOrWhiteSpace(transition.Trigger))
            {
                context.Problems.Add(new($"{path}.trigger", "must not be empty"));
            }

            if (transition.From.Count == 0)
            {
                context.Problems.Add(new($"{path}.from", "names no state"));
            }

            for (var j = 0; j < transition.From.Count; j++)
            {
                var from = transition.From[j];
                if (!context.States.Contains(from))
                {
                    context.Problems.Add(new($"{path}.from[{j}]", $"unknown state '{from}'"));
                }
                else if (terminal.Contains(from))
                {
                    context.Problems.Add(new($"{path}.from[{j}]", $"state '{from}' is terminal; no transition may leave it"));
                }
            }

            if (transition.To is not null && !context.States.Contains(transition.To))
            {
                context.Problems.Add(new($"{path}.to", $"unknown state '{transition.To}'"));
            }

            CheckActors(context, transition.Actors, $"{path}.actors", knownRoles);
            InputRules.Check(definition, i, context.Problems);

            CheckActionReferences(context, transition.Actions, $"{path}.actions");
            if (transition.Guard is not null)
            {
                CheckGuard(context, transition.Guard, $"{path}.guard");
            }

            CheckShadowing(context, i);
        }
    }

    /// <summary>The first transition (in order) whose guard holds fires, so an unguarded one hides later ones it covers.</summary>
    private static void CheckShadowing(Context context, int index)
    {
        var transition = context.Definition.Transitions[index];
        for (var i = 0; i < index; i++)
        {
            var earlier = context.Definition.Transitions[i];
            var covered = transition.From.Intersect(earlier.From, StringComparer.Ordinal).ToList();
            if (earlier.Trigger == transition.Trigger && earlier.Guard is null && covered.Count > 0 && transition.Actors.All(a => Covers(earlier.Actors, a)))
            {
                context.Problems.Add(new($"transitions[{index}]", $"never fires from {string.Join(", ", covered.Select(s => $"'{s}'"))}: transitions[{i}] on '{transition.Trigger}' has no guard and allows the same actors"));
                return;
            }
        }
    }

    private static bool Covers(IReadOnlyList<string> actors, string actor) =>
        actors.Contains(actor) || (actor.StartsWith(ActorPattern.Staff + ":", StringComparison.Ordinal) && actors.Contains(ActorPattern.Staff));

    private static void CheckActors(Context context, IReadOnlyList<string> actors, string path, IReadOnlySet<string> knownRoles)
    {
        if (actors.Count == 0)
        {
            context.Problems.Add(new(path, "names no actor, so nobody could fire it"));
        }

        for (var j = 0; j < actors.Count; j++)
        {
            if (!ActorPattern.TryParse(actors[j], out var pattern))
            {
                context.Problems.Add(new($"{path}[{j}]", $"unknown actor '{actors[j]}' (expected consumer, system, hq, staff or staff:<role>)"));
            }
            else if (pattern.Role is not null && !knownRoles.Contains(pattern.Role))
            {
                context.Problems.Add(new($"{path}[{j}]", $"unknown staff role '{pattern.Role}'"));
            }
        }
    }

    private static void CheckActionReferences(Context context, IReadOnlyList<string> actions, string path)
    {
        for (var j = 0; j < actions.Count; j++)
        {
            if (!context.DeclaredActions.Contains(actions[j]))
            {
                context.Problems.Add(new($"{path}[{j}]", $"unknown action '{actions[j]}' (not declared in actions)"));
            }
        }
    }

    private static void CheckGuard(Context context, GuardCondition guard, string path)
    {
        var forms = (guard.Field is null ? 0 : 1) + (guard.All is null ? 0 : 1) + (guard.Any is null ? 0 : 1) + (guard.Not is null ? 0 : 1);
        if (forms != 1)
        {
            context.Problems.Add(new(path, "must have exactly one of field, all, any, not"));
            return;
        }

        if (guard.All is not null || guard.Any is not null)
        {
            var (name, children) = guard.All is not null ? ("all", guard.All) : ("any", guard.Any!);
            if (children.Count == 0)
            {
                context.Problems.Add(new($"{path}.{name}", "is empty"));
            }

            for (var i = 0; i < children.Count; i++)
            {
                CheckGuard(context, children[i], $"{path}.{name}[{i}]");
            }

            return;
        }

        if (guard.Not is not null)
        {
            CheckGuard(context, guard.Not, $"{path}.not");
            return;
        }

        CheckComparison(context, guard, path);
    }

    private static void CheckComparison(Context context, GuardCondition guard, string path)
    {
        if (!GuardFieldPath.TryParse(guard.Field!, out _))
        {
            context.Problems.Add(new($"{path}.field", $"'{guard.Field}' must start with data., input. or case. and name a field"));
        }

        if (guard.Op is not { } op)
        {
            context.Problems.Add(new($"{path}.op", "is missing"));
            return;
        }

        var hasValue = guard.Value is not null;
        var hasParam = guard.Param is not null;
        if (op == GuardOperator.Exists)
        {
            if (hasValue || hasParam)
            {
                context.Problems.Add(new(path, "exists takes no value or param"));
            }

            return;
        }

        if (hasValue == hasParam)
        {
            context.Problems.Add(new(path, $"{Describe(op)} needs exactly one of value, param"));
            return;
        }

        if (hasParam)
        {
            if (op == GuardOperator.In)
            {
                context.Problems.Add(new($"{path}.param", "in needs an array value, not a parameter"));
            }
            else if (!context.ParameterTypes.ContainsKey(guard.Param!))
            {
                context.Problems.Add(new($"{path}.param", $"undeclared parameter '{guard.Param}'"));
            }
        }
        else if (op == GuardOperator.In && guard.Value is not System.Text.Json.Nodes.JsonArray)
        {
            context.Problems.Add(new($"{path}.value", "in needs an array"));
        }
    }

    private static string Describe(GuardOperator op) => op.ToString().ToLowerInvariant();

    private static void CheckReachability(Context context)
    {
        var definition = context.Definition;
        if (definition.InitialState is null || !context.States.Contains(definition.InitialState))
        {
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { definition.InitialState };
        var queue = new Queue<string>([definition.InitialState]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var transition in definition.Transitions.Where(t => t.From.Contains(state) && t.To is not null))
            {
                if (reached.Add(transition.To!))
                {
                    queue.Enqueue(transition.To!);
                }
            }
        }

        for (var i = 0; i < definition.States.Count; i++)
        {
            if (!reached.Contains(definition.States[i].Key))
            {
                context.Problems.Add(new($"states[{i}]", $"state '{definition.States[i].Key}' is unreachable from the initial state '{definition.InitialState}'"));
            }
        }
    }

    private static void CheckTimers(Context context, HashSet<string> timerKeys)
    {
        var definition = context.Definition;
        for (var i = 0; i < definition.Timers.Count; i++)
        {
            var timer = definition.Timers[i];
            var path = $"timers[{i}]";
            if (timer.States.Count == 0)
            {
                context.Problems.Add(new($"{path}.states", "names no state"));
            }

            for (var j = 0; j < timer.States.Count; j++)
            {
                var state = timer.States[j];
                if (!context.States.Contains(state))
                {
                    context.Problems.Add(new($"{path}.states[{j}]", $"unknown state '{state}'"));
                }
                else if (!definition.Transitions.Any(t => t.Trigger == timer.Trigger && t.From.Contains(state) && t.Actors.Contains(ActorPattern.System)))
                {
                    context.Problems.Add(new($"{path}.trigger", $"no transition on '{timer.Trigger}' from state '{state}' allows the system actor"));
                }
            }

            if (timer.BusinessTime && !definition.UsesBusinessHours)
            {
                context.Problems.Add(new($"{path}.businessTime", "the definition does not declare usesBusinessHours"));
            }

            CheckTimerSchedule(context, timer, path, timerKeys);
            if (timer.Guard is not null)
            {
                CheckGuard(context, timer.Guard, $"{path}.guard");
            }
        }
    }

    private static void CheckTimerSchedule(Context context, TimerDefinition timer, string path, HashSet<string> timerKeys)
    {
        if ((timer.After is null) == (timer.Before is null))
        {
            context.Problems.Add(new(path, "must have exactly one of after, before"));
            return;
        }

        var (member, text) = timer.After is not null ? ("after", timer.After) : ("before", timer.Before!);
        CheckDuration(context, text, timer.Unit, $"{path}.{member}", $"{path}.unit");
        if (timer.After is not null)
        {
            if (timer.Of is not null)
            {
                context.Problems.Add(new($"{path}.of", "only a before timer has an anchor"));
            }

            return;
        }

        if (timer.Of is null)
        {
            context.Problems.Add(new($"{path}.of", "a before timer needs an anchor (timer:<key>, data.<field> or input.<field>)"));
        }
        else if (timer.Of.StartsWith(TimerAnchorPrefix, StringComparison.Ordinal))
        {
            CheckTimerAnchor(context, timer, path, timerKeys);
        }
        else if (!GuardFieldPath.TryParse(timer.Of, out var field) || field.Source == GuardFieldSource.Case)
        {
            context.Problems.Add(new($"{path}.of", $"'{timer.Of}' is neither timer:<key>, data.<field> nor input.<field>"));
        }
        else if (timer.BusinessTime)
        {
            context.Problems.Add(new($"{path}.businessTime", "a timer anchored on a date in the case data runs on the wall clock"));
        }
    }

    private static void CheckTimerAnchor(Context context, TimerDefinition timer, string path, HashSet<string> timerKeys)
    {
        var anchorKey = timer.Of![TimerAnchorPrefix.Length..];
        var anchor = context.Definition.Timers.FirstOrDefault(t => t.Key == anchorKey);
        if (!timerKeys.Contains(anchorKey) || anchor is null)
        {
            context.Problems.Add(new($"{path}.of", $"unknown timer '{anchorKey}'"));
        }
        else if (anchor.After is null)
        {
            context.Problems.Add(new($"{path}.of", $"timer '{anchorKey}' is itself a before timer"));
        }
        else if (!anchor.States.ToHashSet(StringComparer.Ordinal).SetEquals(timer.States) || anchor.BusinessTime != timer.BusinessTime)
        {
            context.Problems.Add(new($"{path}.of", $"timer '{anchorKey}' must run in the same states and on the same clock"));
        }
    }

    private static void CheckDuration(Context context, string text, DurationUnit? unit, string path, string unitPath)
    {
        if (!DurationExpression.TryParse(text, out var expression, out var error))
        {
            context.Problems.Add(new(path, error));
            return;
        }

        if (expression.ParameterName is null)
        {
            if (unit is not null)
            {
                context.Problems.Add(new(unitPath, "a literal duration takes no unit"));
            }

            return;
        }

        if (!context.ParameterTypes.TryGetValue(expression.ParameterName, out var type))
        {
            context.Problems.Add(new(path, $"undeclared parameter '{expression.ParameterName}'"));
        }
        else if (type is ParameterType.WholeNumber or ParameterType.Number && unit is null)
        {
            context.Problems.Add(new(unitPath, $"parameter '{expression.ParameterName}' is a number and needs a unit (minutes, hours, days)"));
        }
        else if (type == ParameterType.Duration && unit is not null)
        {
            context.Problems.Add(new(unitPath, $"parameter '{expression.ParameterName}' is a duration and takes no unit"));
        }
        else if (type == ParameterType.Bool)
        {
            context.Problems.Add(new(path, $"parameter '{expression.ParameterName}' is a bool, not a duration"));
        }
    }

    private static void CheckParameters(WorkflowDefinition definition, List<DefinitionProblem> problems)
    {
        for (var i = 0; i < definition.Parameters.Count; i++)
        {
            var parameter = definition.Parameters[i];
            var path = $"parameters[{i}]";
            var min = ReadBound(parameter, parameter.Min, $"{path}.min", problems);
            var max = ReadBound(parameter, parameter.Max, $"{path}.max", problems);
            if (min > max)
            {
                problems.Add(new($"{path}.min", $"min {parameter.Min!.ToJsonString()} is above max {parameter.Max!.ToJsonString()}"));
                min = max = null;
            }

            if (parameter.Default is null)
            {
                problems.Add(new($"{path}.default", "is missing"));
            }
            else if (!ParameterValueReader.TryRead(parameter.Type, parameter.Default, out var value, out var error))
            {
                problems.Add(new($"{path}.default", error));
            }
            else if (value < min || value > max)
            {
                problems.Add(new($"{path}.default", $"{parameter.Default.ToJsonString()} is outside [{parameter.Min?.ToJsonString() ?? "-"}, {parameter.Max?.ToJsonString() ?? "-"}]"));
            }
        }
    }

    private static decimal? ReadBound(ParameterDefinition parameter, System.Text.Json.Nodes.JsonNode? bound, string path, List<DefinitionProblem> problems)
    {
        if (bound is null)
        {
            return null;
        }

        if (parameter.Type == ParameterType.Bool)
        {
            problems.Add(new(path, "a bool parameter has no bounds"));
            return null;
        }

        if (!ParameterValueReader.TryRead(parameter.Type, bound, out var value, out var error))
        {
            problems.Add(new(path, error));
            return null;
        }

        return value;
    }

    private sealed record Context(
        WorkflowDefinition Definition,
        HashSet<string> States,
        Dictionary<string, ParameterType> ParameterTypes,
        HashSet<string> DeclaredActions,
        List<DefinitionProblem> Problems);
}
