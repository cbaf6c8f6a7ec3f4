namespace WeLink.Server.Members.Joining;

/// <summary>
/// What the card page lists as the tier's benefits. Tier benefits become the brand's data with loyalty (domain.md, Tiers);
/// until then every brand's members read these.
/// </summary>
public static class MemberBenefits
{
    public static IReadOnlyList<string> Of(string? tier) => tier switch
    {
        "gold" or "platinum" => ["保养工时 8 折", "优先预约与专属顾问", "生日礼遇", "会员专属活动"],
        "silver" => ["保养工时 9 折", "生日礼遇", "会员专属活动"],
        _ => ["入会礼积分", "会员专属活动", "积分兑换礼品"],
    };
}
