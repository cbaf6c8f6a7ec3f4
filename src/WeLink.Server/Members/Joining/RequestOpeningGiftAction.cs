using Dapper;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Data;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Members.Joining;

/// <summary>
/// Requests the opening gift (<c>opening_gift_points</c> as the case pinned it) as a <c>member_gifts</c> row, once per
/// delivery key; the loyalty ledger (not built yet) credits untaken rows. A gift of no points requests nothing.
/// </summary>
public sealed class RequestOpeningGiftAction(IDbConnectionFactory connections, TimeProvider time) : ICaseActionHandler
{
    public const string ActionName = "request_opening_gift";

    public string Name => ActionName;

    public async Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var joining = new CasePayload(context);
        var points = joining.Parameters.GetWholeNumber(MemberCardDefinition.Parameters.OpeningGiftPoints);
        if (points == 0)
        {
            return;
        }

        const string sql = """
            INSERT INTO member_gifts (id, brand_id, member_id, case_id, idempotency_key, points, requested_at)
            VALUES (@id, @BrandId, @memberId, @CaseId, @IdempotencyKey, @points, @now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { id = Guid.CreateVersion7(now), context.BrandId, memberId = joining.SubjectId, context.CaseId, context.IdempotencyKey, points = (long)points, now },
            cancellationToken: cancellationToken));
    }
}
