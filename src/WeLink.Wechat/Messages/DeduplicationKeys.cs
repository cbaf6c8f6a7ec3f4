using System.Security.Cryptography;
using System.Text;

namespace WeLink.Wechat.Messages;

/// <summary>
/// Builds <see cref="CallbackMessage.DeduplicationKey"/>. WeChat and WeCom retry a push with the same
/// fields, so a key made of the fields that identify a push is equal across retries:
/// messages by MsgId; instructions by InfoType + TimeStamp + SuiteId/AppId + the corp or account and
/// the subject of the change; events by ToUserName + FromUserName + CreateTime + Event (+ EventKey and
/// TaskId, so that two different card clicks in one second stay distinct; a send-job report's MsgID and a
/// subscribe-message event's templates, answers and MsgIDs, so that two reports or answers in one second stay
/// distinct). Anything else falls back to a hash of the payload.
/// </summary>
internal static class DeduplicationKeys
{
    private const char Separator = '|';

    public static string For(PayloadNode root, string rawPayload)
    {
        if (root.NonEmptyText("MsgId") is { } msgId)
        {
            return Join("msg", root.Text("ToUserName"), msgId);
        }

        if (root.NonEmptyText("InfoType") is { } infoType)
        {
            return Join(
                "info",
                infoType,
                root.Text("TimeStamp") ?? root.Text("CreateTime"),
                root.Text("SuiteId") ?? root.Text("AppId"),
                root.Text("AuthCorpId") ?? root.Text("AuthorizerAppid"),
                root.Text("AuthCode"),
                root.Text("ChangeType"),
                root.Text("UserID"),
                root.Text("Id"),
                root.Text("TagId"),
                root.Text("ExternalUserID"));
        }

        if (root.NonEmptyText("Event") is { } eventName)
        {
            var key = Join(
                "event",
                root.Text("ToUserName"),
                root.Text("FromUserName"),
                root.Text("CreateTime"),
                eventName,
                root.Text("EventKey"),
                root.Text("TaskId"));

            // TEMPLATESENDJOBFINISH and MASSSENDJOBFINISH name their send as MsgID; events without one keep the key they had.
            if (root.NonEmptyText("MsgID") is { } sendId)
            {
                key += Separator + sendId;
            }

            return SubscribeItems(root) is { Length: > 0 } items ? key + Separator + items : key;
        }

        return "raw" + Separator + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawPayload)));
    }

    /// <summary>The List items of a subscribe-message event (in its container in XML, at the top in JSON); empty for other events.</summary>
    private static string SubscribeItems(PayloadNode root)
    {
        var container = root.Children.FirstOrDefault(c => c.Name.StartsWith("SubscribeMsg", StringComparison.Ordinal)) ?? root;
        return string.Join(
            ';',
            container.ChildrenNamed("List").Select(item => $"{item.Text("TemplateId")},{item.Text("SubscribeStatusString")},{item.Text("MsgID")}"));
    }

    private static string Join(string prefix, params ReadOnlySpan<string?> parts)
    {
        var builder = new StringBuilder(prefix);
        foreach (var part in parts)
        {
            builder.Append(Separator).Append(part);
        }

        return builder.ToString();
    }
}
