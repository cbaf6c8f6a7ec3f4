using WeLink.Server.Members.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Identities.Contacts;

/// <summary>
/// Links WeCom contacts to members the way WeCom lets a third-party app (protocol-wave2.md §7.3): a unionid WeLink learned
/// with an openid is converted in the dealer's corp, giving the contact (linked at once) or a pending_id; a new contact
/// whose pending_id WeLink holds for that corp is linked when its push arrives.
/// </summary>
public sealed partial class ContactLinker(
    IDealerDirectory dealers,
    CorpClient corps,
    ContactConversionStore conversions,
    ExternalContactStore contacts,
    IMemberLinks members,
    TimeProvider time,
    ILogger<ContactLinker> logger)
{
    /// <summary>WeCom keeps a pending_id for its person this long (doc 97108).</summary>
    public static readonly TimeSpan PendingIdLifetime = TimeSpan.FromDays(90);

    /// <summary>
    /// The dealer's own account, and the brand's mini program converted in the dealer's corp, count as the corp's subject
    /// (0); a mini program of another subject than the corp's is refused by WeCom and recorded so.
    /// </summary>
    private const int CorpSubject = 0;

    /// <summary>Answers that asking again cannot change: ids or subjects do not match (845003), a bad parameter, the API not granted.</summary>
    private static readonly HashSet<int> Final = [845003, 40058, 48002];

    /// <summary>How far before its conversion a contact's push may have been recorded and still be checked (clocks of two nodes differ a little).</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(1);

    /// <summary>external_userid_to_pending_id takes at most this many contacts a call.</summary>
    private const int PendingIdBatch = 100;

    /// <summary>Converts one claimed conversion and records the answer; throws when WeCom could not be asked (retried later).</summary>
    public async Task ConvertAsync(ContactConversionItem item, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await dealers.ActiveCorpAsync(item.DealerId, cancellationToken) is not { } corp)
        {
            await FinishAsync(item, lease, ContactConversionStore.NoCorp, null, null, null, null, cancellationToken);
            return;
        }

        var asked = time.GetUtcNow();
        IdconvertUnionidToExternalUseridResponse answer;
        try
        {
            answer = await corps.UnionidToExternalUseridAsync(
                corp.CorpId, new IdconvertUnionidToExternalUseridRequest { Unionid = item.UnionId, Openid = item.OpenId, SubjectType = CorpSubject }, cancellationToken);
        }
        catch (WechatApiException refused) when (Final.Contains(refused.Errcode))
        {
            LogRefused(item.Id, corp.CorpId, refused.Errcode);
            await FinishAsync(item, lease, ContactConversionStore.Refused, corp.CorpId, null, null, $"{refused.Errcode} {refused.Errmsg}", cancellationToken);
            return;
        }
        catch (AuthorizationLostException)
        {
            await FinishAsync(item, lease, ContactConversionStore.NoCorp, corp.CorpId, null, null, null, cancellationToken);
            return;
        }

        if (!string.IsNullOrEmpty(answer.ExternalUserid))
        {
            // The contact is written on the conversion before the contact's row is looked at, as the contact's push writes
            // its row before looking at conversions: whichever comes second sees the other, in any order under load.
            // Linked before the row is finished: a claimer that dies in between leaves the row to be converted and linked again, which changes nothing.
            if (!await conversions.FoundAsync(item.Id, lease, corp.CorpId, answer.ExternalUserid, cancellationToken))
            {
                LogLeaseLost(item.Id);
                return;
            }

            await LinkAsync(item.BrandId, item.DealerId, corp.CorpId, answer.ExternalUserid, item.UnionId, cancellationToken);
            await FinishAsync(item, lease, ContactConversionStore.Contact, corp.CorpId, answer.ExternalUserid, null, null, cancellationToken);
        }
        else if (!string.IsNullOrEmpty(answer.PendingId))
        {
            await FinishAsync(item, lease, ContactConversionStore.Pending, corp.CorpId, null, answer.PendingId, null, cancellationToken);
            await LinkAddedMeanwhileAsync(item, corp.CorpId, answer.PendingId, asked - ClockSlack, cancellationToken);
        }
        else
        {
            throw new InvalidOperationException("idconvert/unionid_to_external_userid answered neither external_userid nor pending_id.");
        }
    }

    /// <summary>
    /// The unionid of the corp's contact as conversions found it: one that answered this contact, or one whose pending_id
    /// the contact has now (<see cref="PendingUnionIdAsync"/>). Null when none did (yet).
    /// </summary>
    public async Task<string?> UnionIdOfAsync(string corpId, string externalUserId, CancellationToken cancellationToken) =>
        await conversions.UnionIdOfAsync(corpId, externalUserId, cancellationToken)
        ?? await PendingUnionIdAsync(corpId, externalUserId, cancellationToken);

    /// <summary>
    /// The unionid of a new contact of the corp whose pending_id WeLink holds (asked of WeCom only while it holds one of
    /// that corp); the conversion is marked as this contact. Null when none.
    /// </summary>
    private async Task<string?> PendingUnionIdAsync(string corpId, string externalUserId, CancellationToken cancellationToken)
    {
        if (!await conversions.HoldsPendingIdsAsync(corpId, cancellationToken))
        {
            return null;
        }

        var answer = await corps.ExternalUseridToPendingIdAsync(
            corpId, new IdconvertExternalUseridToPendingIdRequest { ExternalUserid = [externalUserId] }, cancellationToken);
        foreach (var result in answer.Result.Where(r => r.ExternalUserid == externalUserId))
        {
            if (await conversions.FindPendingAsync(corpId, result.PendingId, cancellationToken) is { } pending)
            {
                await conversions.ResolvePendingAsync(pending.Id, externalUserId, cancellationToken);
                return pending.UnionId;
            }
        }

        return null;
    }

    /// <summary>
    /// A staff member may have added the person between WeCom's answer and this pending_id being recorded: their push
    /// then found no pending_id to ask about. Contacts of the corp recorded since the conversion without a unionid are
    /// asked about once now (after the pending_id was recorded, as a push records its contact before asking: one of the
    /// two sees the other).
    /// </summary>
    private async Task LinkAddedMeanwhileAsync(ContactConversionItem item, string corpId, string pendingId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var recent = await contacts.UnlinkedSinceAsync(corpId, since, PendingIdBatch, cancellationToken);
        if (recent.Count == 0)
        {
            return;
        }

        var answer = await corps.ExternalUseridToPendingIdAsync(corpId, new IdconvertExternalUseridToPendingIdRequest { ExternalUserid = recent }, cancellationToken);
        if (answer.Result.FirstOrDefault(r => r.PendingId == pendingId) is { } match)
        {
            await conversions.ResolvePendingAsync(item.Id, match.ExternalUserid, cancellationToken);
            await LinkAsync(item.BrandId, item.DealerId, corpId, match.ExternalUserid, item.UnionId, cancellationToken);
        }
    }

    /// <summary>The contact is the person of the unionid: recorded on the contact, and the contact linked to their member.</summary>
    private async Task LinkAsync(Guid brandId, Guid dealerId, string corpId, string externalUserId, string unionId, CancellationToken cancellationToken)
    {
        await contacts.SetUnionIdAsync(corpId, externalUserId, unionId, cancellationToken);
        await members.SeenAsync(new MemberSighting(brandId, dealerId, MemberIdentity.ExternalContact(corpId, externalUserId), unionId), cancellationToken);
    }

    private async Task FinishAsync(
        ContactConversionItem item, DateTimeOffset lease, string outcome, string? corpId, string? externalUserId, string? pendingId, string? error, CancellationToken cancellationToken)
    {
        if (!await conversions.FinishAsync(item.Id, lease, outcome, corpId, externalUserId, pendingId, error, cancellationToken))
        {
            LogLeaseLost(item.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contact conversion {Id} in corp {CorpId} refused by WeCom ({Errcode}); not tried again")]
    private partial void LogRefused(Guid id, string corpId, int errcode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contact conversion {Id}: the lease passed before its answer was recorded; another node owns it now")]
    private partial void LogLeaseLost(Guid id);
}
