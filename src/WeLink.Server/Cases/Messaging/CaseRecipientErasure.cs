using Dapper;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Data;

namespace WeLink.Server.Cases.Messaging;

/// <summary>Anonymises an openid in <c>case_messages</c> and <c>subscribe_consents</c> in one transaction.</summary>
public sealed class CaseRecipientErasure(IDbConnectionFactory connections) : ICaseRecipientErasure
{
    public async Task AnonymiseAsync(string openId, string marker, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in (string[])[
            // A consumer's message has one recipient (staff messages list userids, never openids).
            "UPDATE case_messages SET recipients = @marker WHERE recipients = @openId",
            "UPDATE subscribe_consents SET open_id = @marker WHERE open_id = @openId",
        ])
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new { openId, marker }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
