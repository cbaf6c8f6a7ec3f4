using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Inbox;

/// <summary>
/// What an actor may do with a case now, as the staff app draws it: the steps open to them in the case's current state,
/// each with the fields it takes and the names people read, so no app hard-codes a state, a trigger or a role. The
/// version is the one to send back as <c>expectedVersion</c>.
/// </summary>
public sealed record CaseTransitions(Guid CaseId, string State, long Version, IReadOnlyList<TransitionOption> Transitions);

/// <summary>
/// A step to fire with <c>POST /api/staff/cases/{id}/transitions/{trigger}</c>, named by the definition's texts (the
/// trigger when the definition gives no label); guards (e.g. an authority limit) decide on the input given.
/// </summary>
public sealed record TransitionOption(string Trigger, string Label, IReadOnlyList<InputFieldOption> Input);

/// <summary>
/// One input field with its type (<c>string</c>, <c>integer</c>, <c>enum</c> or <c>boolean</c>) and limits, exactly as the
/// engine checks them, and the definition's hint for this case (e.g. the staff member's remedy authority), if it has one.
/// </summary>
public sealed record InputFieldOption(
    string Name, string Label, InputFieldType Type, bool Required, int? MaxLength, long? Min, long? Max, IReadOnlyList<string>? Choices, string? Hint)
{
    public static InputFieldOption Of(InputFieldDefinition field, Func<string?, string, string> label, string? hint)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(label);
        return new(field.Name, label(field.Label, field.Name), field.Type, field.Required, field.MaxLength, field.Min, field.Max, field.Choices, hint);
    }
}
