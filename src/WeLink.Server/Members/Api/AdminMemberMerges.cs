using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.Merging;

namespace WeLink.Server.Members.Api;

/// <summary><see cref="IMemberMergeAdmin"/> over the core's <see cref="MemberMerges"/>, labelled for the portal.</summary>
public sealed class AdminMemberMerges(MemberMerges merges) : IMemberMergeAdmin
{
    public async Task<IReadOnlyList<MemberMergeEntry>> OfMemberAsync(Guid brandId, Guid memberId, CancellationToken cancellationToken) =>
    [
        .. (await merges.OfMemberAsync(brandId, memberId, cancellationToken))
            .Select(m => new MemberMergeEntry(m.Id, m.KeptMemberId, m.MergedMemberId, m.Reason, ReasonLabel(m.Reason), m.MergedAt, m.UndoneAt)),
    ];

    public async Task<MergeUndoResult> UndoAsync(Guid brandId, Guid mergeId, string actor, CancellationToken cancellationToken) =>
        await merges.UndoAsync(brandId, mergeId, actor, cancellationToken) switch
        {
            MergeUndoOutcome.Undone => MergeUndoResult.Undone,
            MergeUndoOutcome.AlreadyUndone => MergeUndoResult.AlreadyUndone,
            MergeUndoOutcome.RecordsMovedOn => MergeUndoResult.RecordsMovedOn,
            _ => MergeUndoResult.NotFound,
        };

    private static string ReasonLabel(string reason) => reason.Split(':', 2)[0] switch
    {
        MergeReasons.UnionId => "同一微信用户",
        MergeReasons.Phone => "同一手机号",
        "staff" => "员工当面确认",
        _ => reason,
    };
}
