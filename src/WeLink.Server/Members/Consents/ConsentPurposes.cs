using WeLink.Server.Members.Contracts;

namespace WeLink.Server.Members.Consents;

/// <summary>The purposes as <c>member_consents.purpose</c> and the API spell them.</summary>
public static class ConsentPurposes
{
    public static IReadOnlyList<ConsentPurpose> All { get; } = Enum.GetValues<ConsentPurpose>();

    public static string Code(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Service => "service",
        ConsentPurpose.Marketing => "marketing",
        ConsentPurpose.Location => "location",
        ConsentPurpose.BrandSharing => "brand_sharing",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    public static ConsentPurpose? Parse(string? code) => All.Cast<ConsentPurpose?>().FirstOrDefault(p => Code(p!.Value) == code);

    /// <summary>What the member reads for each purpose.</summary>
    public static string Label(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Service => "服务通知",
        ConsentPurpose.Marketing => "营销信息",
        ConsentPurpose.Location => "位置信息",
        ConsentPurpose.BrandSharing => "与品牌其他经销商共享",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };
}
