using System.Collections.Frozen;

namespace WeLink.Workflow.Definitions;

/// <summary>
/// What the staff app shows under an input field (e.g. an advisor's remedy authority). <see cref="Text"/> is a text key;
/// with a <see cref="Limit"/> (a whole-number parameter bounding the case's running total of an accumulating field, as a
/// guard on <c>case.total.&lt;field&gt;</c> does) the text may say <c>{limit}</c> (the case's value of that parameter),
/// <c>{used}</c> (the field's total so far) and <c>{left}</c> (what is left of the limit, never below 0), so the actor
/// reads the authority the engine will apply, not a number copied into the text.
/// </summary>
public sealed record InputHintDefinition
{
    public const string LimitPlaceholder = "limit";
    public const string UsedPlaceholder = "used";
    public const string LeftPlaceholder = "left";

    /// <summary>What a hint with a limit fills; a hint without one is shown as written.</summary>
    public static readonly FrozenSet<string> LimitPlaceholders = FrozenSet.Create(StringComparer.Ordinal, LimitPlaceholder, UsedPlaceholder, LeftPlaceholder);

    public required string Text { get; init; }

    public string? Limit { get; init; }
}
