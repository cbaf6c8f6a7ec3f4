using Dapper;
using WeLink.Server.Cases.Contracts;
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

        // One query per role keeps the SQL the same on both providers (Dapper sends a list as an array to PostgreSQL).
        const string sql = """
            SELECT id AS Id, assignee_role AS Role, created_at AS CreatedAt FROM cases
            WHERE dealer_id = @dealerId AND closed_at IS NULL AND assignee_staff_id IS NULL AND assignee_role = @role
            """;
        List<WaitingCase> waiting = [];
        await using (var connection = await connections.OpenConnectionAsync(cancellationToken))
        {
            foreach (var role in roles.Distinct(StringComparer.Ordinal))
            {
                waiting.AddRange(await connection.QueryAsync<WaitingCase>(new CommandDefinition(sql, new { dealerId, role }, cancellationToken: cancellationToken)));
            }
        }

        List<Guid> handed = [];
        foreach (var item in waiting.OrderBy(w => w.CreatedAt))
        {
            var result = await engine.ReassignAsync(item.Id, CaseScope.Platform, Actor.System, staffId, item.Role, $"role-granted:{staffId:N}", null, cancellationToken);
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

    private sealed record WaitingCase(Guid Id, string Role, DateTimeOffset CreatedAt);
}
