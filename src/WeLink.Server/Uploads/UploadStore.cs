using Dapper;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Server.Uploads.Contracts;

namespace WeLink.Server.Uploads;

/// <summary>The <c>uploads</c> table: whose each photo is and which case took it.</summary>
public sealed class UploadStore(IDbConnectionFactory connections) : ICasePhotos
{
    public async Task InsertAsync(UploadRow upload, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO uploads (id, consumer_id, dealer_id, content_type, size_bytes, sha256, created_at)
            VALUES (@Id, @ConsumerId, @DealerId, @ContentType, @SizeBytes, @Sha256, @CreatedAt)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, upload, cancellationToken: cancellationToken));
    }

    /// <summary>The upload when the consumer uploaded it; null for anyone else's or an unknown id.</summary>
    public async Task<UploadRow?> FindOwnAsync(Guid id, Guid consumerId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {UploadRow.Columns} FROM uploads WHERE id = @id AND consumer_id = @consumerId";
        return await SingleAsync(sql, new { id, consumerId }, cancellationToken);
    }

    /// <summary>The upload when it is a photo of a case of the dealer; null otherwise (unattached, another dealer's).</summary>
    public async Task<UploadRow?> FindOfDealerCaseAsync(Guid id, Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {UploadRow.Columns} FROM uploads WHERE id = @id AND dealer_id = @dealerId AND case_id IS NOT NULL";
        return await SingleAsync(sql, new { id, dealerId }, cancellationToken);
    }

    /// <summary>How many photos the consumer uploaded since <paramref name="since"/> (attached or not).</summary>
    public async Task<int> CountSinceAsync(Guid consumerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM uploads WHERE consumer_id = @consumerId AND created_at >= @since";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, new { consumerId, since }, cancellationToken: cancellationToken));
    }

    /// <summary>Up to <paramref name="limit"/> ids of photos no case took that were uploaded before <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<Guid>> UnattachedBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id FROM uploads WHERE case_id IS NULL AND created_at < @before ORDER BY created_at LIMIT @limit";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(sql, new { before, limit }, cancellationToken: cancellationToken))];
    }

    /// <summary>Deletes the row unless a filing took it meanwhile; true when it was deleted (then its bytes may go).</summary>
    public async Task<bool> DeleteUnattachedAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM uploads WHERE id = @id AND case_id IS NULL";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken)) == 1;
    }

    public CaseWrite Attach(StartedCase started, Guid consumerId, Guid dealerId, IReadOnlyList<Guid> uploadIds)
    {
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(uploadIds);
        var sql = $"""
            UPDATE uploads SET case_id = @CaseId, dealer_id = @DealerId, attached_at = @At
            WHERE {connections.Dialect.IsIn("id", "@Ids")} AND consumer_id = @ConsumerId AND case_id IS NULL
            """;
        var parameters = new { started.CaseId, DealerId = dealerId, started.At, Ids = uploadIds.ToArray(), ConsumerId = consumerId };
        return new CaseWrite(sql, parameters) { ExpectedRows = uploadIds.Count };
    }

    public async Task<IReadOnlyList<Guid>> OfCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id FROM uploads WHERE case_id = @caseId ORDER BY created_at, id";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(sql, new { caseId }, cancellationToken: cancellationToken))];
    }

    private async Task<UploadRow?> SingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UploadRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
