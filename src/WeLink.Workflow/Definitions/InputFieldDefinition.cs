namespace WeLink.Workflow.Definitions;

/// <summary>
/// One field a transition takes as input, with its type and limits. The engine refuses input that names a field the
/// transition does not declare, leaves out a required one, or breaks a field's type or limits, naming each field.
/// </summary>
public sealed record InputFieldDefinition
{
    public required string Name { get; init; }

    public required InputFieldType Type { get; init; }

    public bool Required { get; init; }

    /// <summary>The text key (in <see cref="WorkflowDefinition.Texts"/>) of the field's name as people read it.</summary>
    public string? Label { get; init; }

    /// <summary>For a string: its most characters; every string field has one, so that no text is unbounded.</summary>
    public int? MaxLength { get; init; }

    /// <summary>For an integer: the least value allowed.</summary>
    public long? Min { get; init; }

    /// <summary>For an integer: the greatest value allowed.</summary>
    public long? Max { get; init; }

    /// <summary>For an enum: the values allowed.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>
    /// For an integer: the case keeps a running total of it over its accepted steps, which a guard reads as
    /// <c>case.total.&lt;name&gt;</c> (the total with this step's value added), so that a limit holds per case and cannot
    /// be dodged by splitting an amount into small steps.
    /// </summary>
    public bool Accumulate { get; init; }

    /// <summary>
    /// What the actor is told about the field before they fill it. Unlike the rest of the field, it may differ between
    /// transitions sharing a trigger: the actor sees the hint of the first of them they may take, so each audience of a
    /// trigger (an advisor whose offer may go to approval, a manager's who may not) reads its own words.
    /// </summary>
    public InputHintDefinition? Hint { get; init; }
}
