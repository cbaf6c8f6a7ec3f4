using System.Text.RegularExpressions;

namespace WeLink.Workflow.Definitions;

/// <summary>
/// What <see cref="DefinitionValidator"/> checks of notices, texts and named steps: every text key a notice names exists,
/// every placeholder is one the renderer fills, every audience role and button trigger exists, every step is declared.
/// </summary>
public static partial class TextRules
{
    public const string StatePlaceholder = "state";

    /// <summary>The text a consumer's template message shows as what it is about (e.g. the complaint's category).</summary>
    public const string SubjectText = "subject";

    /// <summary>The process's name as people read it (e.g. 客户投诉); staff cards show it as their source.</summary>
    public const string ProcessText = "process";

    internal static void Check(WorkflowDefinition definition, IReadOnlySet<string> knownRoles, List<DefinitionProblem> problems)
    {
        CheckTexts(definition, problems);
        var declared = definition.Actions.ToHashSet(StringComparer.Ordinal);
        var triggers = definition.Transitions.Select(t => t.Trigger).ToHashSet(StringComparer.Ordinal);
        var actions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Notices.Count; i++)
        {
            var notice = definition.Notices[i];
            var path = $"notices[{i}]";
            if (!actions.Add(notice.Action))
            {
                problems.Add(new($"{path}.action", $"a second notice for action '{notice.Action}'"));
            }

            if (!declared.Contains(notice.Action))
            {
                problems.Add(new($"{path}.action", $"action '{notice.Action}' is not declared in actions"));
            }

            CheckAudience(notice, path, knownRoles, problems);
            if (notice.To.Consumer)
            {
                CheckKey(definition, SubjectText, $"{path}.to.consumer", problems);
            }

            if (notice.Buttons.Count > 0)
            {
                CheckKey(definition, ProcessText, $"{path}.buttons", problems);
            }

            CheckKey(definition, notice.Text, $"{path}.text", problems);
            if (notice.Detail is not null)
            {
                CheckKey(definition, notice.Detail, $"{path}.detail", problems);
            }

            for (var j = 0; j < notice.Facts.Count; j++)
            {
                CheckKey(definition, notice.Facts[j].Name, $"{path}.facts[{j}].name", problems);
                CheckKey(definition, notice.Facts[j].Value, $"{path}.facts[{j}].value", problems);
            }

            for (var j = 0; j < notice.Buttons.Count; j++)
            {
                var button = notice.Buttons[j];
                CheckKey(definition, button.Text, $"{path}.buttons[{j}].text", problems);
                if (!triggers.Contains(button.Trigger))
                {
                    problems.Add(new($"{path}.buttons[{j}].trigger", $"unknown trigger '{button.Trigger}'"));
                }

                foreach (var (field, key) in button.Input)
                {
                    CheckKey(definition, key, $"{path}.buttons[{j}].input.{field}", problems);
                }
            }
        }
    }

    internal static void CheckSteps(WorkflowDefinition definition, List<DefinitionProblem> problems)
    {
        var steps = definition.Steps.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(definition.Steps[i].Label))
            {
                problems.Add(new($"steps[{i}].label", "must not be empty"));
            }
        }

        for (var i = 0; i < definition.Transitions.Count; i++)
        {
            var transition = definition.Transitions[i];
            if (transition.Completes is { } step && !steps.Contains(step))
            {
                problems.Add(new($"transitions[{i}].completes", $"unknown step '{step}'"));
            }

            for (var j = 0; j < transition.RequiresSteps.Count; j++)
            {
                if (!steps.Contains(transition.RequiresSteps[j]))
                {
                    problems.Add(new($"transitions[{i}].requiresSteps[{j}]", $"unknown step '{transition.RequiresSteps[j]}'"));
                }
            }
        }
    }

    /// <summary>The placeholders in <paramref name="text"/>, without their braces.</summary>
    public static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>
    /// <c>{state}</c>, <c>{data.&lt;field&gt;}</c> (as filed), <c>{input.&lt;field&gt;}</c> (this step's) or
    /// <c>{latest.&lt;field&gt;}</c> (the latest any step gave): everything else would show as written.
    /// </summary>
    public static bool IsKnownPlaceholder(string name) =>
        name == StatePlaceholder || FieldPlaceholder().IsMatch(name);

    private static void CheckTexts(WorkflowDefinition definition, List<DefinitionProblem> problems)
    {
        // Input hints fill placeholders of their own (a limit, what is used of it), checked with the field (InputRules).
        var hints = definition.Transitions.SelectMany(t => t.Input).Select(f => f.Hint?.Text).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (key, text) in definition.Texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new($"texts.{key}", "must not be empty"));
                continue;
            }

            if (hints.Contains(key))
            {
                continue;
            }

            foreach (var name in Placeholders(text).Where(n => !IsKnownPlaceholder(n)))
            {
                problems.Add(new($"texts.{key}", $"unknown placeholder '{{{name}}}' (expected {{state}}, {{data.<field>}}, {{input.<field>}} or {{latest.<field>}})"));
            }
        }
    }

    private static void CheckAudience(NoticeDefinition notice, string path, IReadOnlySet<string> knownRoles, List<DefinitionProblem> problems)
    {
        var to = notice.To;
        if (to.Consumer && (to.Assignee || to.Roles.Count > 0))
        {
            problems.Add(new($"{path}.to", "goes either to the consumer or to staff, not both"));
        }
        else if (!to.Consumer && to.Roles.Count == 0)
        {
            problems.Add(new($"{path}.to.roles", to.Assignee ? "names no role to fall back to while the case has no assignee" : "names nobody: set consumer, or roles"));
        }

        if (to.Consumer && (notice.Buttons.Count > 0 || notice.Facts.Count > 0))
        {
            problems.Add(new($"{path}.buttons", "a consumer's template message has no buttons or facts; only staff get cards"));
        }

        if (!NoticePurposes.All.Contains(notice.Purpose))
        {
            problems.Add(new($"{path}.purpose", $"unknown purpose '{notice.Purpose}' (expected {string.Join(" or ", NoticePurposes.All)})"));
        }
        else if (!to.Consumer && notice.Purpose != NoticePurposes.Service)
        {
            problems.Add(new($"{path}.purpose", "only a consumer notice asks for consent; staff messages are service"));
        }

        for (var j = 0; j < to.Roles.Count; j++)
        {
            if (!knownRoles.Contains(to.Roles[j]))
            {
                problems.Add(new($"{path}.to.roles[{j}]", $"unknown staff role '{to.Roles[j]}'"));
            }
        }
    }

    private static void CheckKey(WorkflowDefinition definition, string key, string path, List<DefinitionProblem> problems)
    {
        if (!definition.Texts.ContainsKey(key))
        {
            problems.Add(new(path, $"missing text '{key}' (not in texts)"));
        }
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(data|input|latest)\.[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex FieldPlaceholder();
}
