namespace WeLink.Server.Members.View;

/// <summary>The Chinese staff and admins read for the codes the member tables store; an unknown code shows as it is.</summary>
public static class MemberLabels
{
    public static string Status(string status) => status switch
    {
        "known" => "未入会",
        "member" => "会员",
        "merged" => "已合并",
        "erasing" => "注销中",
        "deleted" => "已注销",
        _ => status,
    };

    public static string IdentityKind(string kind) => kind switch
    {
        "account" => "公众号",
        "miniprogram" => "小程序",
        "unionid" => "微信 UnionID",
        "external_contact" => "企业微信客户",
        _ => kind,
    };

    /// <summary>What proved the link: a channel's proof, or a staff member (<c>staff:&lt;id&gt;</c>) with the customer in front of them.</summary>
    public static string LinkedBy(string linkedBy) => linkedBy.Split(':', 2)[0] switch
    {
        "first_sight" => "首次访问",
        "unionid" => "同一微信用户",
        "phone" => "手机号确认",
        "staff" => "员工当面确认",
        "merge" => "会员合并",
        _ => linkedBy,
    };

    public static string Field(string field) => field switch
    {
        "name" => "姓名",
        "phone" => "手机号",
        "home_dealer" => "归属门店",
        "tier" => "会员等级",
        "member_number" => "会员号",
        _ => field,
    };

    /// <summary>A source is a channel (<c>wechat</c>, <c>miniprogram</c>, <c>phone_button</c>) or a person (<c>staff:&lt;id&gt;</c>, <c>admin:&lt;id&gt;</c>).</summary>
    public static string Source(string source) => source.Split(':', 2)[0] switch
    {
        "wechat" => "微信",
        "wecom" => "企业微信",
        "miniprogram" => "小程序",
        "phone_button" => "小程序手机号授权",
        "staff" => "门店员工",
        "admin" => "管理员",
        "member" => "会员本人",
        _ => source,
    };

    public static string Purpose(string purpose) => purpose switch
    {
        "service" => "服务通知",
        "marketing" => "营销信息",
        "location" => "位置信息",
        "brand_sharing" => "与品牌共享",
        _ => purpose,
    };
}
