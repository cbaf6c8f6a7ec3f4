using Dapper;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Data;

namespace WeLink.Server.Conversations;

/// <summary>The <c>conversation_duty_roles</c> and <c>brand_conversation_settings</c> tables; a missing row means the default.</summary>
public sealed class ConversationSettingsStore(IDbConnectionFactory connections, TimeProvider time) : IConversationSettings
{
    public async Task<string> DutyRoleAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT role FROM conversation_duty_roles WHERE dealer_id = @dealerId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { dealerId }, cancellationToken: cancellationToken))
            ?? ConversationDefaults.DutyRole;
    }

    public async Task SetDutyRoleAsync(Guid dealerId, string role, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO conversation_duty_roles (dealer_id, role, updated_at) VALUES (@dealerId, @role, @now)
            ON CONFLICT (dealer_id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { dealerId, role, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task<string> OutOfHoursReplyAsync(Guid brandId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT out_of_hours_reply FROM brand_conversation_settings WHERE brand_id = @brandId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { brandId }, cancellationToken: cancellationToken))
            ?? ConversationDefaults.OutOfHoursReply;
    }

    public async Task SetOutOfHoursReplyAsync(Guid brandId, string reply, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO brand_conversation_settings (brand_id, out_of_hours_reply, updated_at) VALUES (@brandId, @reply, @now)
            ON CONFLICT (brand_id) DO UPDATE SET out_of_hours_reply = excluded.out_of_hours_reply, updated_at = excluded.updated_at
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { brandId, reply, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }
}
