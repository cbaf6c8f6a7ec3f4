namespace WeLink.Workflow.Definitions;

/// <summary>What <see cref="DefinitionValidator"/> checks of a transition's declared input (<see cref="InputFieldDefinition"/>) and its labels.</summary>
internal static class InputRules
{
    public static void Check(WorkflowDefinition definition, int index, List<DefinitionProblem> problems)
    {
        var transition = definition.Transitions[index];
        var path = $"transitions[{index}]";
        CheckLabel(definition, transition.Label, $"{path}.label", problems);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < transition.Input.Count; j++)
        {
            var field = transition.Input[j];
            var at = $"{path}.input[{j}]";
            if (string.IsNullOrWhiteSpace(field.Name))
            {
                problems.Add(new($"{at}.name", "must not be empty"));
            }
            else if (!names.Add(field.Name))
            {
                problems.Add(new($"{at}.name", $"a second input field '{field.Name}'"));
            }

            CheckLabel(definition, field.Label, $"{at}.label", problems);
            CheckLimits(field, at, problems);
            CheckHint(definition, field, $"{at}.hint", problems);
        }

        // The engine checks input before guards choose among the transitions on a trigger, so those must agree on it.
        var first = definition.Transitions.Take(index).FirstOrDefault(t => t.Trigger == transition.Trigger);
        if (first is not null && !first.Input.SequenceEqual(transition.Input, FieldComparer.Instance))
        {
            problems.Add(new($"{path}.input", $"differs from the input of an earlier transition on '{transition.Trigger}'; transitions sharing a trigger declare the same input"));
        }
    }

    private static void CheckLimits(InputFieldDefinition field, string at, List<DefinitionProblem> problems)
    {
        if (field.Type == InputFieldType.Text && field.MaxLength is not > 0)
        {
            problems.Add(new($"{at}.maxLength", "a string field needs a maxLength of 1 or more"));
        }

        if (field.Type != InputFieldType.Text && field.MaxLength is not null)
        {
            problems.Add(new($"{at}.maxLength", "only a string field has a maxLength"));
        }

        if (field.Type != InputFieldType.WholeNumber && (field.Min is not null || field.Max is not null))
        {
            problems.Add(new($"{at}.min", "only an integer field has min and max"));
        }

        if (field.Type != InputFieldType.WholeNumber && field.Accumulate)
        {
            problems.Add(new($"{at}.accumulate", "only an integer field accumulates"));
        }

        if (field.Min > field.Max)
        {
            problems.Add(new($"{at}.min", $"{field.Min} is above max {field.Max}"));
        }

        if (field.Type == InputFieldType.WholeNumber && field.Accumulate && field.Min is not > 0)
        {
            problems.Add(new($"{at}.min", "an accumulating field needs a min of 1 or more, so that no step can take back from its total"));
        }

        if (field.Type == InputFieldType.Choice && field.Choices is not { Count: > 0 })
        {
            problems.Add(new($"{at}.choices", "an enum field needs choices"));
        }
        else if (field.Type != InputFieldType.Choice && field.Choices is not null)
        {
            problems.Add(new($"{at}.choices", "only an enum field has choices"));
        }
        else if (field.Choices?.Distinct(StringComparer.Ordinal).Count() < field.Choices?.Count)
        {
            problems.Add(new($"{at}.choices", "names a choice twice"));
        }
    }

    /// <summary>A hint's text exists and has only the placeholders a hint fills; its limit is a whole-number parameter over an accumulating field.</summary>
    private static void CheckHint(WorkflowDefinition definition, InputFieldDefinition field, string at, List<DefinitionProblem> problems)
    {
        if (field.Hint is not { } hint)
        {
            return;
        }

        if (!definition.Texts.TryGetValue(hint.Text, out var text))
        {
            problems.Add(new($"{at}.text", $"missing text '{hint.Text}' (not in texts)"));
        }
        else
        {
            IReadOnlySet<string> allowed = hint.Limit is null ? new HashSet<string>() : InputHintDefinition.LimitPlaceholders;
            foreach (var name in TextRules.Placeholders(text).Where(n => !allowed.Contains(n)))
            {
                var expected = hint.Limit is null ? "none without a limit" : "{limit}, {used} or {left}";
                problems.Add(new($"{at}.text", $"text '{hint.Text}' has placeholder '{{{name}}}' a hint does not fill (expected {expected})"));
            }
        }

        if (hint.Limit is { } limit)
        {
            if (definition.Parameters.FirstOrDefault(p => p.Name == limit) is not { } parameter)
            {
                problems.Add(new($"{at}.limit", $"unknown parameter '{limit}'"));
            }
            else if (parameter.Type != ParameterType.WholeNumber)
            {
                problems.Add(new($"{at}.limit", $"parameter '{limit}' is {parameter.Type}; a limit is a whole number"));
            }

            if (field.Type != InputFieldType.WholeNumber || !field.Accumulate)
            {
                problems.Add(new($"{at}.limit", "only an accumulating integer field has a limit: it bounds the field's running total"));
            }
        }
    }

    private static void CheckLabel(WorkflowDefinition definition, string? key, string path, List<DefinitionProblem> problems)
    {
        if (key is not null && !definition.Texts.ContainsKey(key))
        {
            problems.Add(new(path, $"missing text '{key}' (not in texts)"));
        }
    }

    private sealed class FieldComparer : IEqualityComparer<InputFieldDefinition>
    {
        public static readonly FieldComparer Instance = new();

        // The hint is left out: it is what each audience of the trigger is told, not what the engine checks.
        public bool Equals(InputFieldDefinition? x, InputFieldDefinition? y) =>
            x is not null && y is not null
            && x with { Choices = null, Hint = null } == y with { Choices = null, Hint = null }
            && (x.Choices ?? []).SequenceEqual(y.Choices ?? [], StringComparer.Ordinal);

        public int GetHashCode(InputFieldDefinition obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
