using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Tenancy.Access.Sessions;

/// <summary>The <c>sessions</c> table: one row per sign-in, revoked at sign-out.</summary>
public sealed class SessionStore(IDbConnectionFactory connections)
{
    public async Task StartAsync(Guid sessionId, SessionKind kind, Guid subjectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO sessions (id, kind, subject_id, created_at, revoked_at) VALUES (@sessionId, @kind, @subjectId, @now, NULL)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { sessionId, kind = KindName(kind), subjectId, now }, cancellationToken: cancellationToken));
    }

    /// <summary>Revoking twice keeps the first time.</summary>
    public async Task RevokeAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE sessions SET revoked_at = @now WHERE id = @sessionId AND revoked_at IS NULL";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { sessionId, now }, cancellationToken: cancellationToken));
    }

    /// <summary>False for a revoked session and for one WeLink never started (a cookie from another deployment).</summary>
    public async Task<bool> IsLiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM sessions WHERE id = @sessionId AND revoked_at IS NULL";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { sessionId }, cancellationToken: cancellationToken)) > 0;
    }

    private static string KindName(SessionKind kind) => kind switch
    {
        SessionKind.Admin => "admin",
        SessionKind.Staff => "staff",
        SessionKind.Consumer => "consumer",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown session kind."),
    };
}
