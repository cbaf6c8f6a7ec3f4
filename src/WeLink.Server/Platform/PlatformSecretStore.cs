using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Platform.Contracts;
using WeLink.Server.Security;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Platform;

/// <summary>
/// The durable, shared home of what WeChat and WeCom hand us: component and suite tickets, authorizer
/// refresh tokens and permanent codes. Every value is encrypted with the shared key ring before it is
/// written, so a database dump reveals none of them.
/// </summary>
public sealed class PlatformSecretStore(IDbConnectionFactory connections, ISecretProtector protector, TimeProvider time)
    : IComponentTicketStore, ISuiteTicketStore, IAuthorizerCredentialStore, ICorpCredentialStore, IAuthorizerSecrets
{
    Task<string?> IComponentTicketStore.GetAsync(string componentAppid, CancellationToken cancellationToken) =>
        GetAsync(PlatformSecretKind.ComponentVerifyTicket, componentAppid, cancellationToken);

    Task IComponentTicketStore.SaveAsync(string componentAppid, string ticket, CancellationToken cancellationToken) =>
        SaveAsync(PlatformSecretKind.ComponentVerifyTicket, componentAppid, ticket, cancellationToken);

    Task<string?> ISuiteTicketStore.GetAsync(string suiteId, CancellationToken cancellationToken) =>
        GetAsync(PlatformSecretKind.SuiteTicket, suiteId, cancellationToken);

    Task ISuiteTicketStore.SaveAsync(string suiteId, string ticket, CancellationToken cancellationToken) =>
        SaveAsync(PlatformSecretKind.SuiteTicket, suiteId, ticket, cancellationToken);

    public Task<string?> GetRefreshTokenAsync(string authorizerAppid, CancellationToken cancellationToken) =>
        GetAsync(PlatformSecretKind.AuthorizerRefreshToken, authorizerAppid, cancellationToken);

    public Task SaveRefreshTokenAsync(string authorizerAppid, string refreshToken, CancellationToken cancellationToken) =>
        SaveAsync(PlatformSecretKind.AuthorizerRefreshToken, authorizerAppid, refreshToken, cancellationToken);

    public Task<string?> GetPermanentCodeAsync(string corpId, CancellationToken cancellationToken) =>
        GetAsync(PlatformSecretKind.PermanentCode, corpId, cancellationToken);

    public Task SavePermanentCodeAsync(string corpId, string permanentCode, CancellationToken cancellationToken) =>
        SaveAsync(PlatformSecretKind.PermanentCode, corpId, permanentCode, cancellationToken);

    private async Task<string?> GetAsync(string kind, string ownerId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT protected_value FROM platform_secrets WHERE kind = @kind AND owner_id = @ownerId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(sql, new { kind, ownerId }, cancellationToken: cancellationToken));
        return stored is null ? null : protector.Unprotect(stored);
    }

    private async Task SaveAsync(string kind, string ownerId, string value, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO platform_secrets (kind, owner_id, protected_value, updated_at)
            VALUES (@kind, @ownerId, @protectedValue, @updatedAt)
            ON CONFLICT (kind, owner_id) DO UPDATE SET protected_value = excluded.protected_value, updated_at = excluded.updated_at
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { kind, ownerId, protectedValue = protector.Protect(value), updatedAt = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }
}
