namespace WeLink.Server.Members.Joining;

/// <summary>
/// The default tier ladder, low to high (domain.md, Tiers); <c>members.tier</c> holds the key. Loyalty makes the ladder
/// the brand's own; until then every brand has this one.
/// </summary>
public static class MemberTiers
{
    public static IReadOnlyList<(string Key, string Label)> Ladder { get; } =
        [("fan", "蜜粉"), ("classic", "普卡"), ("silver", "银卡"), ("gold", "金卡"), ("platinum", "白金")];

    public static string Label(string? key) => Ladder.FirstOrDefault(t => t.Key == key).Label ?? "";
}
