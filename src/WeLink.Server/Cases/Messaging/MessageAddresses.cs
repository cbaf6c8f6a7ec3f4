using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// Where a case's messages go: the consumer's openid in the dealer's own account, and the dealer's staff by role or as the
/// case's assignee. Consumers are Identities', links and staff Onboarding's; only the case's assignee is read here.
/// </summary>
public sealed class MessageAddresses(IDbConnectionFactory connections, IConsumerDirectory consumers, IDealerDirectory dealers, IStaffDirectory staff)
{
    /// <summary>The consumer as WeLink knows them: the openid in the account or mini program they came through.</summary>
    public Task<ConsumerAddress?> ConsumerOfAsync(Guid consumerId, CancellationToken cancellationToken) => consumers.FindAsync(consumerId, cancellationToken);

    /// <summary>The same person (by unionid) as a follower of the dealer's active account, if WeLink knows them as one.</summary>
    public async Task<ConsumerAddress?> FollowerAsync(Guid dealerId, string unionId, CancellationToken cancellationToken) =>
        await dealers.ActiveAccountAsync(dealerId, cancellationToken) is { } account
            ? await consumers.FindFollowerAsync(account.AppId, unionId, cancellationToken)
            : null;

    /// <summary>The consumer's openid and the appid of the dealer account that knows it, while that account is the dealer's active one.</summary>
    public async Task<ConsumerAddress?> ConsumerAsync(Guid consumerId, CancellationToken cancellationToken) =>
        await consumers.FindAsync(consumerId, cancellationToken) is { } consumer
        && await dealers.ActiveAccountAsync(consumer.DealerId, cancellationToken) is { } account && account.AppId == consumer.AppId
            ? consumer
            : null;

    /// <summary>The userids of the dealer's active staff holding any of <paramref name="roles"/>, in userid order.</summary>
    public async Task<IReadOnlyList<string>> UserIdsInRolesAsync(Guid dealerId, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        [.. (await staff.ActiveInRolesAsync(dealerId, roles, cancellationToken)).Select(s => s.UserId).Order(StringComparer.Ordinal)];

    /// <summary>The userid of the case's assignee now (not when the step was written) while they are active; null when the case sits with a role.</summary>
    public async Task<string?> AssigneeUserIdAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT assignee_staff_id FROM cases WHERE id = @caseId AND assignee_staff_id IS NOT NULL";
        Guid assignee;
        await using (var connection = await connections.OpenConnectionAsync(cancellationToken))
        {
            // Read as Guid (the type handler knows SQLite's text ids); no assignee comes back as the default.
            assignee = await connection.QuerySingleOrDefaultAsync<Guid>(new CommandDefinition(sql, new { caseId }, cancellationToken: cancellationToken));
        }

        return assignee != Guid.Empty && await staff.FindAsync(assignee, cancellationToken) is { Active: true } member ? member.UserId : null;
    }
}
