using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The <c>subscribe_consents</c> table: per mini program, consumer (openid) and subscribe template, the consumer's latest
/// answer as WeChat's subscribe events report it. WeChat counts the acceptances themselves (one acceptance, one message);
/// what WeLink needs is the rejection, so that it does not spend a send WeChat would refuse with 43101.
/// </summary>
public sealed class SubscribeConsents(IDbConnectionFactory connections)
{
    public const string Accepted = "accept";
    public const string Rejected = "reject";

    /// <summary>
    /// Records an answer given at <paramref name="at"/> (the event's CreateTime) unless a later one is recorded; of two in
    /// the same second the rejection stays. So a replayed or late-arriving event changes nothing.
    /// </summary>
    public async Task RecordAsync(string appId, string openId, string templateId, bool accepted, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO subscribe_consents (app_id, open_id, template_id, status, decided_at)
            VALUES (@appId, @openId, @templateId, @status, @at)
            ON CONFLICT (app_id, open_id, template_id) DO UPDATE SET status = excluded.status, decided_at = excluded.decided_at
            WHERE excluded.decided_at > subscribe_consents.decided_at
               OR (excluded.decided_at = subscribe_consents.decided_at AND excluded.status = 'reject')
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { appId, openId, templateId, status = accepted ? Accepted : Rejected, at }, cancellationToken: cancellationToken));
    }

    /// <summary>True when the consumer's latest answer for the template is a rejection (no answer is not one).</summary>
    public async Task<bool> RejectedAsync(string appId, string openId, string templateId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT COUNT(*) FROM subscribe_consents
            WHERE app_id = @appId AND open_id = @openId AND template_id = @templateId AND status = 'reject'
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { appId, openId, templateId }, cancellationToken: cancellationToken)) > 0;
    }
}
