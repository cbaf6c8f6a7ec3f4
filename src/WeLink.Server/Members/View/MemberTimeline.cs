using WeLink.Server.Cases.Contracts;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Members.Contracts;

namespace WeLink.Server.Members.View;

/// <summary>One ordered story across channels, newest first, made only of what the reader may see in full.</summary>
public static class MemberTimeline
{
    /// <summary>The latest messages of each conversation the timeline shows (and the view reads); the conversation page has the rest.</summary>
    public const int MessagesPerConversation = 20;

    private const int Gist = 40;

    public static IReadOnlyList<TimelineEntryView> Of(
        MemberRecord member,
        MemberParts parts,
        IReadOnlyList<IdentityView> identities,
        IReadOnlyList<VehicleView> vehicles,
        IReadOnlyList<SubjectCase> cases,
        IReadOnlyList<PersonConversation> conversations,
        Func<Guid, MemberDealer> dealerOf)
    {
        var entries = new List<TimelineEntryView>();
        // Joining is the brand's: it carries no dealer, so a dealer whose staff see nothing of others' learns nothing from it.
        if (member.JoinedAt is { } joined)
        {
            entries.Add(new(joined, "joined", "加入会员", null));
        }

        entries.AddRange(identities.Select(i => new TimelineEntryView(i.LinkedAt, "identity", $"{i.KindLabel}身份关联（{i.LinkedByLabel}）", i.Dealer)));
        entries.AddRange(vehicles.Select(v => new TimelineEntryView(v.CreatedAt, "vehicle", $"登记车辆：{v.Model}", v.Dealer)));
        entries.AddRange(cases.SelectMany(c => c.Moves.Select(m => new TimelineEntryView(
            m.At, "case", m.FromState is null ? $"{c.ProcessLabel}：已提交（{m.ToStateLabel}）" : $"{c.ProcessLabel}：{m.ToStateLabel}", dealerOf(c.DealerId)))));
        foreach (var conversation in conversations)
        {
            var dealer = dealerOf(conversation.DealerId);
            entries.Add(new(conversation.OpenedAt, "conversation", "在公众号发起咨询", dealer));
            entries.AddRange(conversation.Messages.Select(m => new TimelineEntryView(m.At, "message", Said(m), dealer)));
            if (conversation.ClosedAt is { } closed)
            {
                entries.Add(new(closed, "conversation", "咨询已结束", dealer));
            }
        }

        entries.AddRange(parts.ProfileChanges.Select(c => new TimelineEntryView(
            c.ChangedAt, "profile", $"{MemberLabels.Field(c.Field)}更新为 {c.Value ?? "（空）"}（来源：{MemberLabels.Source(c.Source)}）", null)));
        foreach (var merge in parts.Merges)
        {
            entries.Add(new(merge.MergedAt, "merge", "与另一条会员记录合并", null));
            if (merge.UndoneAt is { } undone)
            {
                entries.Add(new(undone, "merge", "合并已撤销", null));
            }
        }

        return [.. entries.OrderByDescending(e => e.At)];
    }

    private static string Said(PersonConversationMessage message)
    {
        var who = message.Direction == "in" ? "客户" : "门店";
        return message switch
        {
            { Text: { Length: > 0 } text } => $"{who}：{(text.Length > Gist ? text[..Gist] + "…" : text)}",
            { Kind: "image" } => $"{who}发来图片",
            { Kind: "voice" } => $"{who}发来语音",
            _ => $"{who}的消息（内容已删除）",
        };
    }
}
