using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Identities.MiniPrograms;

/// <summary>
/// The <c>miniprogram_sessions</c> table: refresh tokens, stored as hashes, each spent by its first use. A spent token
/// presented again can only be a copy, so it revokes its whole family (the sign-in it descends from).
/// </summary>
public sealed class MiniProgramSessionStore(IDbConnectionFactory connections, TimeProvider time)
{
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

    private const string Columns = """
        family_id AS FamilyId, brand_id AS BrandId, app_id AS AppId, open_id AS OpenId, union_id AS UnionId,
        consumer_id AS ConsumerId, dealer_id AS DealerId
        """;

    /// <summary>Stores the first refresh token of a new sign-in; returns it (the only time it exists in clear).</summary>
    public async Task<string> StartAsync(MiniProgramSessionContext context, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var token = await InsertAsync(connection, transaction, context, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Spends <paramref name="refreshToken"/> and stores its successor for the context <paramref name="next"/> chooses, in
    /// one transaction; null (nothing stored) when the token is unknown, expired, spent or revoked. A spent token revokes
    /// its family.
    /// </summary>
    public async Task<(MiniProgramSessionContext Context, string RefreshToken)?> RefreshAsync(
        string refreshToken,
        Func<MiniProgramSessionContext, CancellationToken, Task<MiniProgramSessionContext>> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        const string spend = """
            UPDATE miniprogram_sessions SET spent_at = @now
            WHERE token_hash = @hash AND spent_at IS NULL AND revoked_at IS NULL AND expires_at > @now
            """;
        const string read = $"SELECT {Columns} FROM miniprogram_sessions WHERE token_hash = @hash";
        var hash = Hash(refreshToken);
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var spent = await connection.ExecuteAsync(new CommandDefinition(spend, new { hash, now }, transaction, cancellationToken: cancellationToken));
        var current = await connection.QuerySingleOrDefaultAsync<MiniProgramSessionContext>(
            new CommandDefinition(read, new { hash }, transaction, cancellationToken: cancellationToken));
        if (spent == 0 || current is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            if (current is not null)
            {
                await RevokeReusedAsync(hash, now, cancellationToken);
            }

            return null;
        }

        var context = await next(current, cancellationToken);
        var successor = await InsertAsync(connection, transaction, context, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (context, successor);
    }

    /// <summary>
    /// The current context of a live family (for a switch made with the access token): its one unspent token's; null once
    /// the family is revoked or its last token expired.
    /// </summary>
    public async Task<MiniProgramSessionContext?> FindFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns} FROM miniprogram_sessions
            WHERE family_id = @familyId AND spent_at IS NULL AND revoked_at IS NULL AND expires_at > @now
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MiniProgramSessionContext>(
            new CommandDefinition(sql, new { familyId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>A new context for the family (another dealer): the family's unspent tokens are spent, its successor stored.</summary>
    public async Task<string> ReplaceAsync(MiniProgramSessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string spend = "UPDATE miniprogram_sessions SET spent_at = @now WHERE family_id = @familyId AND spent_at IS NULL";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            spend, new { familyId = context.FamilyId, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        var token = await InsertAsync(connection, transaction, context, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    private async Task RevokeReusedAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE miniprogram_sessions SET revoked_at = @now
            WHERE revoked_at IS NULL AND family_id IN (SELECT family_id FROM miniprogram_sessions WHERE token_hash = @hash AND spent_at IS NOT NULL)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { hash, now }, cancellationToken: cancellationToken));
    }

    private async Task<string> InsertAsync(
        DbConnection connection, DbTransaction transaction, MiniProgramSessionContext context, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO miniprogram_sessions
                (token_hash, family_id, brand_id, app_id, open_id, union_id, consumer_id, dealer_id, created_at, expires_at)
            VALUES (@hash, @FamilyId, @BrandId, @AppId, @OpenId, @UnionId, @ConsumerId, @DealerId, @now, @expiresAt)
            """;
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                hash = Hash(token),
                context.FamilyId,
                context.BrandId,
                context.AppId,
                context.OpenId,
                context.UnionId,
                context.ConsumerId,
                context.DealerId,
                now,
                expiresAt = now + RefreshLifetime,
            },
            transaction,
            cancellationToken: cancellationToken));
        return token;
    }

    /// <summary>Tokens are 256 random bits, so an unsalted hash is enough: nothing in the table can be replayed.</summary>
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
