using System.Globalization;
using System.Text;

namespace WeLink.Wechat.Messages;

/// <summary>
/// Plaintext passive replies (the HTTP 200 body answering a push). Encrypt them with
/// <c>WxBizMsgCrypt.BuildEncryptedReplyXml</c> in safe mode. ToUserName is the follower's openid or the
/// member's userid, FromUserName the account's gh_ id or the corpid.
/// </summary>
public static class PassiveReply
{
    /// <summary>The unencrypted "nothing to say" answer; instruction and authorization pushes always get it.</summary>
    public const string Success = "success";

    public static string Text(string toUserName, string fromUserName, DateTimeOffset createTime, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var xml = Start(toUserName, fromUserName, createTime, "text");
        AppendCData(xml, "Content", content);
        return End(xml);
    }

    /// <summary>A news reply with one article (the current limit of official accounts).</summary>
    public static string News(string toUserName, string fromUserName, DateTimeOffset createTime, NewsArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var xml = Start(toUserName, fromUserName, createTime, "news");
        xml.Append("<ArticleCount>1</ArticleCount><Articles><item>");
        AppendCData(xml, "Title", article.Title);
        AppendCData(xml, "Description", article.Description);
        AppendCData(xml, "PicUrl", article.PicUrl);
        AppendCData(xml, "Url", article.Url);
        xml.Append("</item></Articles>");
        return End(xml);
    }

    /// <summary>A WeCom reply to template_card_event that renames the clicked button (update_button).</summary>
    public static string TemplateCardButtonUpdate(string toUserName, string fromUserName, DateTimeOffset createTime, string replaceName)
    {
        ArgumentNullException.ThrowIfNull(replaceName);
        var xml = Start(toUserName, fromUserName, createTime, "update_button");
        xml.Append("<Button>");
        AppendCData(xml, "ReplaceName", replaceName);
        xml.Append("</Button>");
        return End(xml);
    }

    private static StringBuilder Start(string toUserName, string fromUserName, DateTimeOffset createTime, string msgType)
    {
        ArgumentNullException.ThrowIfNull(toUserName);
        ArgumentNullException.ThrowIfNull(fromUserName);
        var xml = new StringBuilder("<xml>");
        AppendCData(xml, "ToUserName", toUserName);
        AppendCData(xml, "FromUserName", fromUserName);
        xml.Append("<CreateTime>")
            .Append(createTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .Append("</CreateTime>");
        AppendCData(xml, "MsgType", msgType);
        return xml;
    }

    private static string End(StringBuilder xml) => xml.Append("</xml>").ToString();

    // "]]>" cannot appear inside one CDATA section, so it is split across two.
    private static void AppendCData(StringBuilder xml, string name, string value) =>
        xml.Append('<').Append(name).Append("><![CDATA[")
            .Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal))
            .Append("]]></").Append(name).Append('>');
}
