using Dapper;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Data;

namespace WeLink.Server.Cases.Admin;

/// <summary>A person's cases at every dealer of the brand, labelled by each case's own definition version.</summary>
public sealed class SubjectCaseStore(IDbConnectionFactory connections, CaseDefinitions definitions) : ISubjectCases
{
    private const int MaxCases = 200;

    public async Task<IReadOnlyList<SubjectCase>> ListAsync(Guid brandId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        if (subjectIds.Count == 0)
        {
            return [];
        }

        var casesSql = $"""
            SELECT id AS Id, dealer_id AS DealerId, definition_key AS DefinitionKey, definition_version AS DefinitionVersion, state AS State,
                   created_at AS CreatedAt, updated_at AS UpdatedAt, closed_at AS ClosedAt
            FROM cases
            WHERE brand_id = @brandId AND {connections.Dialect.IsIn("subject_id", "@subjects")}
            ORDER BY created_at DESC, id DESC
            LIMIT {MaxCases}
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<CaseRow>(new CommandDefinition(
            casesSql, new { brandId, subjects = subjectIds.ToArray() }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var historySql = $"""
            SELECT case_id AS CaseId, at AS At, from_state AS FromState, to_state AS ToState
            FROM case_history
            WHERE {connections.Dialect.IsIn("case_id", "@ids")}
            ORDER BY case_id, sequence
            """;
        var moves = (await connection.QueryAsync<MoveRow>(new CommandDefinition(
            historySql, new { ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: cancellationToken))).ToLookup(m => m.CaseId);

        var cases = new List<SubjectCase>(rows.Count);
        foreach (var r in rows)
        {
            var definition = await definitions.GetAsync(r.DefinitionKey, r.DefinitionVersion, cancellationToken);
            cases.Add(new SubjectCase(
                r.Id, r.DealerId, definition.Key, definition.Title, r.State, definition.StateLabel(r.State), r.CreatedAt, r.UpdatedAt, r.ClosedAt,
                [.. moves[r.Id].Select(m => new SubjectCaseMove(m.At, m.FromState, m.ToState, definition.StateLabel(m.ToState)))]));
        }

        return cases;
    }

    private sealed class CaseRow
    {
        public Guid Id { get; init; }

        public Guid DealerId { get; init; }

        public string DefinitionKey { get; init; } = "";

        public int DefinitionVersion { get; init; }

        public string State { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public DateTimeOffset? ClosedAt { get; init; }
    }

    private sealed class MoveRow
    {
        public Guid CaseId { get; init; }

        public DateTimeOffset At { get; init; }

        public string? FromState { get; init; }

        public string ToState { get; init; } = "";
    }
}
