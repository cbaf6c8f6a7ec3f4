using Dapper;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Handover;

/// <summary>
/// Work filed before anyone held a role waits in that role's queue with nobody assigned, and nobody is told about it.
/// The first staff member given the role takes it over: each case is reassigned through <see cref="CaseEngine"/> by the
/// system actor, so the history says who got it and when. The key names the staff member, so granting the same role
/// twice hands nothing over twice.
/// </summary>
public sealed partial class WaitingCaseHandover(IDbConnectionFactory connections, CaseEngine engine, ILogger<WaitingCaseHandover> logger)
    : IWaitingCaseHandover
{
    public async Task<IReadOnlyList<Guid>> HandOverAsync(Guid dealerId, Guid staffId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Count == 0)
        {
            return [];
        }

        const string sql = """
            SELECT id AS Id, assignee_role AS Role FROM cases
            WHERE dealer_id = @dealerId AND closed_at IS NULL AND assignee_staff_id IS NULL AND assignee_role IN @roles
            ORDER BY created_at
            """;
        List<WaitingCase> waiting;
        await using (var connection = await connections.OpenConnectionAsync(cancellationToken))
        {
            waiting = [.. await connection.QueryAsync<WaitingCase>(new CommandDefinition(sql, new { dealerId, roles }, cancellationToken: cancellationToken))];
        }

        List<Guid> handed = [];
        foreach (var item in waiting)
        {
            var result = await engine.ReassignAsync(item.Id, Actor.System, staffId, item.Role, $"role-granted:{staffId:N}", null, cancellationToken);
            if (result is CaseMoved)
            {
                handed.Add(item.Id);
            }
            else
            {
                // Another step (a claim, a close) got there first: the case no longer waits, which is what this wanted.
                LogNotHandedOver(item.Id, result.GetType().Name);
            }
        }

        return handed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} was not handed over to the new role holder: {Outcome}")]
    private partial void LogNotHandedOver(Guid caseId, string outcome);

    private sealed record WaitingCase(Guid Id, string Role);
}
