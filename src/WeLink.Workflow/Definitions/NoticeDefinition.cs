namespace WeLink.Workflow.Definitions;

/// <summary>
/// An action that tells someone about the case, declared as data: who hears it (<see cref="To"/>) and what they read, by
/// keys of the definition's <see cref="WorkflowDefinition.Texts"/>. The host's case messaging sends it; a process writes
/// no messaging code.
/// </summary>
public sealed record NoticeDefinition
{
    /// <summary>The action name states and transitions list (e.g. <c>send_receipt</c>); also declared in <c>actions</c>.</summary>
    public required string Action { get; init; }

    public required NoticeAudience To { get; init; }

    /// <summary>The text key of what is said: a staff message's text or card title, a consumer message's headline.</summary>
    public required string Text { get; init; }

    /// <summary>Optional text key of the second line: a consumer message's remark, a card's subtitle.</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// Consumer notices only: what the consumer must have consented to for it to be sent (<see cref="NoticePurposes"/>).
    /// A service notification (the default) reaches everyone who has not withdrawn it; marketing needs the member's consent.
    /// </summary>
    public string Purpose { get; init => field = value ?? NoticePurposes.Service; } = NoticePurposes.Service;

    /// <summary>Staff only: facts shown on the card as name/value rows; a fact whose value renders empty is left out.</summary>
    public IReadOnlyList<NoticeFact> Facts { get; init => field = value ?? []; } = [];

    /// <summary>Staff only: with buttons the notice is a WeCom template card, and pressing one fires its trigger.</summary>
    public IReadOnlyList<NoticeButton> Buttons { get; init => field = value ?? []; } = [];
}

/// <summary>
/// Either the case's consumer, or staff of the case's dealer: its assignee (falling back to <see cref="Roles"/> while the
/// case has none) or everyone active in <see cref="Roles"/>.
/// </summary>
public sealed record NoticeAudience
{
    public bool Consumer { get; init; }

    public bool Assignee { get; init; }

    public IReadOnlyList<string> Roles { get; init => field = value ?? []; } = [];
}

/// <summary>A row of a card: both are text keys (the value usually a placeholder such as <c>{data.vehicle}</c>).</summary>
public sealed record NoticeFact
{
    public required string Name { get; init; }

    public required string Value { get; init; }
}

/// <summary>A card button: its label (a text key) and the trigger a press fires as the staff member who pressed it.</summary>
public sealed record NoticeButton
{
    public required string Text { get; init; }

    public required string Trigger { get; init; }

    /// <summary>1 is the primary look, 2 the secondary (WeCom's <c>style</c>).</summary>
    public int Style { get; init; } = 1;

    /// <summary>The input the press fires with, field → text key: a card cannot ask staff to type.</summary>
    public IReadOnlyDictionary<string, string> Input { get; init => field = value ?? new Dictionary<string, string>(); } = new Dictionary<string, string>();
}

/// <summary>The consent purposes a consumer notice may declare; the host's messaging asks the member's consent for it.</summary>
public static class NoticePurposes
{
    public const string Service = "service";

    public const string Marketing = "marketing";

    public static IReadOnlyList<string> All { get; } = [Service, Marketing];
}
