using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Identities.Contacts;

/// <summary>
/// Reads the contact from the dealer's corp (externalcontact/get with the corp's token) and links them to the brand's
/// consumers by the unionid WeLink recorded for the contact: WeCom gives third-party apps none (protocol-wave2.md §7.2),
/// so it is the one a unionid conversion (<see cref="ContactLinker"/>) found for them (kept on the contact, or on the
/// conversion when no push recorded the contact yet, or a pending_id of theirs WeLink holds); none until one did.
/// </summary>
public sealed class ExternalContacts(IDealerDirectory dealers, CorpClient corps, ExternalContactStore store, ContactLinker linker, IDbConnectionFactory connections) : IExternalContacts
{
    /// <summary>WeCom's "not a contact of this corp" (84061) and "invalid external_userid" (40096).</summary>
    private static readonly HashSet<int> NotAContact = [84061, 40096];

    public async Task<ExternalContactLookup> FindAsync(Guid brandId, Guid dealerId, string externalUserId, CancellationToken cancellationToken)
    {
        if (await dealers.ActiveCorpAsync(dealerId, cancellationToken) is not { } corp)
        {
            return new ExternalContactLookup(ExternalContactOutcome.CorpNotInstalled);
        }

        var (outcome, answer) = await ReadAsync(corp.CorpId, externalUserId, cancellationToken);
        if (answer is null)
        {
            return new ExternalContactLookup(outcome);
        }

        var contact = answer.ExternalContact;
        var unionId = (await store.FindAsync(corp.CorpId, externalUserId, cancellationToken))?.UnionId
            ?? await linker.UnionIdOfAsync(corp.CorpId, externalUserId, cancellationToken);
        var consumers = unionId is null ? [] : await WithUnionIdAsync(brandId, unionId, cancellationToken);
        return new ExternalContactLookup(ExternalContactOutcome.Found, new ExternalContactMatch(contact.ExternalUserid, contact.Name, consumers));
    }

    /// <summary>
    /// The contact as the corp has it now (externalcontact/get with the corp's token): the answer when found, else why
    /// not — no member has them (any more), or the app is not installed in the corp.
    /// </summary>
    public async Task<(ExternalContactOutcome Outcome, ExternalcontactGetResponse? Answer)> ReadAsync(
        string corpId, string externalUserId, CancellationToken cancellationToken)
    {
        try
        {
            return (ExternalContactOutcome.Found, await corps.GetExternalContactAsync(corpId, externalUserId, cancellationToken));
        }
        catch (WechatApiException refused) when (NotAContact.Contains(refused.Errcode))
        {
            return (ExternalContactOutcome.NotAContact, null);
        }
        catch (AuthorizationLostException)
        {
            return (ExternalContactOutcome.CorpNotInstalled, null);
        }
    }

    private async Task<IReadOnlyList<LinkedConsumer>> WithUnionIdAsync(Guid brandId, string unionId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS ConsumerId, dealer_id AS DealerId, nickname AS Name
            FROM consumers
            WHERE brand_id = @brandId AND union_id = @unionId
            ORDER BY created_at
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid ConsumerId, Guid DealerId, string? Name)>(
            new CommandDefinition(sql, new { brandId, unionId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new LinkedConsumer(r.ConsumerId, r.DealerId, ConsumerDirectory.DisplayName(r.Name)))];
    }
}
