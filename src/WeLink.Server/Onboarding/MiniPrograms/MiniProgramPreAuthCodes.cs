using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Onboarding.MiniPrograms;

/// <summary>Who asked for a brand's mini-program authorization link: the brand, and the HQ admin the audit log names.</summary>
public sealed record MiniProgramPreAuth(Guid BrandId, Guid? AdminId, string AdminEmail);

/// <summary>
/// The <c>miniprogram_pre_auth_codes</c> table: the pre-auth codes WeLink issued for brands' mini programs. WeChat's
/// redirect and its <c>authorized</c> push both carry the code, never the brand.
/// </summary>
public sealed class MiniProgramPreAuthCodes(IDbConnectionFactory connections)
{
    public async Task SaveAsync(string preAuthCode, MiniProgramPreAuth issued, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issued);
        const string sql = """
            INSERT INTO miniprogram_pre_auth_codes (pre_auth_code, brand_id, admin_id, admin_email, issued_at)
            VALUES (@preAuthCode, @BrandId, @AdminId, @AdminEmail, @now)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { preAuthCode, issued.BrandId, issued.AdminId, issued.AdminEmail, now }, cancellationToken: cancellationToken));
    }

    /// <summary>Null when WeLink issued no such code for a mini program (a dealer's official-account code, or none).</summary>
    public async Task<MiniProgramPreAuth?> FindAsync(string preAuthCode, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT brand_id AS BrandId, admin_id AS AdminId, admin_email AS AdminEmail FROM miniprogram_pre_auth_codes WHERE pre_auth_code = @preAuthCode
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MiniProgramPreAuth>(new CommandDefinition(sql, new { preAuthCode }, cancellationToken: cancellationToken));
    }
}
