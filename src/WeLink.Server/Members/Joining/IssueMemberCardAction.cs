using WeLink.Server.Cases.Messaging;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Members.Joining;

/// <summary>Issues the card to the case's member (its subject) at the tier the case pinned (<c>starting_tier</c>).</summary>
public sealed class IssueMemberCardAction(CardIssue cards) : ICaseActionHandler
{
    public const string ActionName = "issue_member_card";

    public string Name => ActionName;

    public async Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var joining = new CasePayload(context);
        var tier = MemberTiers.Ladder[joining.Parameters.GetWholeNumber(MemberCardDefinition.Parameters.StartingTier)].Key;
        await cards.IssueAsync(context.BrandId, joining.SubjectId, tier, cancellationToken);
    }
}
