namespace WeLink.Server.Members.Contracts;

/// <summary>
/// What a dealer's staff see of a member's dealings with the brand's other dealers: <see cref="None"/> nothing,
/// <see cref="Summary"/> counts and states without content, <see cref="Full"/> everything. Their own dealer's they always see in full.
/// </summary>
public static class MemberSharing
{
    public const string None = "none";

    public const string Summary = "summary";

    public const string Full = "full";

    /// <summary>A brand that never chose shares a summary: enough to know the customer is served elsewhere, nothing of what was said.</summary>
    public const string Default = Summary;

    public static readonly IReadOnlyList<string> All = [None, Summary, Full];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);

    public static string Label(string value) => value switch
    {
        None => "不共享",
        Full => "完全共享",
        _ => "仅共享概要",
    };

    public static string Description(string value) => value switch
    {
        None => "门店只看到本店与会员的往来，看不到其他门店的任何记录。",
        Full => "门店可以看到会员在品牌所有门店的全部记录。",
        _ => "门店可以看到会员在其他门店的记录数量和状态，但看不到具体内容。",
    };
}
