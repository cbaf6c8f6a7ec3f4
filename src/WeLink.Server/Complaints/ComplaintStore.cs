using Dapper;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;

namespace WeLink.Server.Complaints;

/// <summary>The complaints feature's own tables: the consumer's index of complaints and granted remedies.</summary>
public sealed class ComplaintStore(IDbConnectionFactory connections)
{
    /// <summary>The complaint's row, for the engine to write in the transaction that starts its case (<see cref="StartCase.FeatureWrite"/>).</summary>
    public static CaseWrite Filed(ComplaintRow complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        const string sql = """
            INSERT INTO complaints (case_id, brand_id, dealer_id, consumer_id, category, severity, created_at)
            VALUES (@CaseId, @BrandId, @DealerId, @ConsumerId, @Category, @Severity, @CreatedAt)
            """;
        return new CaseWrite(sql, complaint);
    }

    /// <summary>The consumer's complaints at this dealer, newest first.</summary>
    public async Task<IReadOnlyList<ComplaintRow>> ListAsync(Guid consumerId, Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {ComplaintRow.Columns} FROM complaints WHERE consumer_id = @consumerId AND dealer_id = @dealerId ORDER BY created_at DESC";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ComplaintRow>(new CommandDefinition(sql, new { consumerId, dealerId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The complaint of a case; the caller has read the case in its scope (<see cref="CaseScope"/>).</summary>
    public async Task<ComplaintRow?> FindAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {ComplaintRow.Columns} FROM complaints WHERE case_id = @caseId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ComplaintRow>(new CommandDefinition(sql, new { caseId }, cancellationToken: cancellationToken));
    }

    /// <summary>Records a granted remedy once per idempotency key; the loyalty ledger takes untaken rows later.</summary>
    public async Task GrantRemedyAsync(RemedyGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        const string sql = """
            INSERT INTO complaint_remedies (idempotency_key, case_id, dealer_id, consumer_id, points, description, granted_at)
            VALUES (@IdempotencyKey, @CaseId, @DealerId, @ConsumerId, @Points, @Description, @GrantedAt)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;
        await ExecuteAsync(sql, grant, cancellationToken);
    }

    public async Task<IReadOnlyList<RemedyGrant>> RemediesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT idempotency_key AS IdempotencyKey, case_id AS CaseId, dealer_id AS DealerId, consumer_id AS ConsumerId, points AS Points,
                   description AS Description, granted_at AS GrantedAt
            FROM complaint_remedies WHERE case_id = @caseId ORDER BY granted_at
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RemedyGrant>(new CommandDefinition(sql, new { caseId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
