using System.Security.Cryptography;

namespace WeLink.Wechat.WeCom.JsSdk;

/// <summary>Signs a page of WeLink's app for <c>ww.register</c> in a corp: the config and the agentConfig signature.</summary>
public sealed class JsSdkSigner(JsSdkTickets tickets, TimeProvider time)
{
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int NonceLength = 16;

    /// <summary>Both signatures of the page at <paramref name="url"/> (without its <c>#</c> part, as the client signs it) in the corp.</summary>
    public async Task<JsSdkSignatures> SignAsync(string corpId, string url, CancellationToken cancellationToken)
    {
        var corpTicket = await tickets.CorpTicketAsync(corpId, cancellationToken);
        var agentTicket = await tickets.AgentTicketAsync(corpId, cancellationToken);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        return new JsSdkSignatures(Sign(corpTicket, timestamp, url), Sign(agentTicket, timestamp, url));
    }

    private static PageSignature Sign(string ticket, long timestamp, string url)
    {
        var nonceStr = RandomNumberGenerator.GetString(NonceAlphabet, NonceLength);
        return new PageSignature(timestamp, nonceStr, JsSdkSignature.Compute(ticket, nonceStr, timestamp, url));
    }
}

/// <summary>What <c>ww.register</c>'s getConfigSignature and getAgentConfigSignature return.</summary>
public sealed record JsSdkSignatures(PageSignature Corp, PageSignature Agent);

/// <summary>One signature of a page: the timestamp and nonce it was made with, and the hex SHA1.</summary>
public sealed record PageSignature(long Timestamp, string NonceStr, string Signature);
