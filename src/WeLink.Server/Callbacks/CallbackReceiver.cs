using System.Globalization;
using Microsoft.Extensions.Options;
using WeLink.Server.Data.Queues;
using WeLink.Wechat.Crypto;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Everything between a callback request and the inbox: timestamp window, msg_signature (never the plain
/// signature, which does not cover the body), decryption for the channel's receiveid, parsing with the hardened
/// reader, then the nonce replay check and one insert-if-absent keyed by the message's de-duplication key, both done
/// by the <see cref="InboxWriter"/> for many requests at once. Only when the row is written (or was already there)
/// may the endpoint answer <c>success</c>. A message no handler accepts (most of what followers send) is stored as
/// ignored, so that the dispatcher never has to claim it.
/// </summary>
public sealed partial class CallbackReceiver(
    CallbackCrypts crypts,
    NonceGuard nonces,
    InboxWriter inbox,
    InboxStore store,
    WorkSignal<InboxDispatcher> signal,
    InboxRoutes routes,
    TicketHandler tickets,
    TimeProvider time,
    IOptions<InboxOptions> options,
    ILogger<CallbackReceiver> logger)
{
    /// <summary>Stores the callback; true when it was new, false when it was a retry of a stored one.</summary>
    /// <exception cref="CallbackRefusedException">The request is not a genuine, fresh, readable push.</exception>
    public async Task<bool> ReceiveAsync(
        CallbackChannel channel, string? targetId, CallbackQuery query, string body, CancellationToken cancellationToken)
    {
        var (msgSignature, timestamp, nonce) = RequireFresh(channel, query);
        var crypt = crypts.For(channel);
        var envelope = ReadEnvelope(channel, body);
        if (!crypt.VerifySignature(msgSignature, timestamp, nonce, envelope.Encrypt))
        {
            throw Refuse(channel, StatusCodes.Status403Forbidden, "signature", "msg_signature does not match the body.");
        }

        var plaintext = Decrypt(channel, crypt, envelope.Encrypt, crypts.ReceiveIdsFor(channel, targetId));
        var message = Parse(channel, plaintext);

        var receivedAt = QueueTime.Stored(time.GetUtcNow());
        var id = Guid.CreateVersion7(receivedAt);
        var handleNow = TicketHandler.Accepts(message);
        var lease = handleNow ? QueueTime.Stored(receivedAt + options.Value.LeaseDuration) : (DateTimeOffset?)null;
        var status = routes.AnyAccepts(message) ? InboxStatus.Pending : InboxStatus.Ignored;
        var entry = new InboxEntry(
            id, channel, targetId, DedupKey(channel, targetId, message), KindOf(message), plaintext, receivedAt, status, lease);
        var outcome = await inbox.TryAddAsync(entry, new NonceUse(channel, timestamp, nonce, msgSignature), cancellationToken);
        if (outcome == InboxWriteOutcome.NonceUsed)
        {
            throw ReplayRefused(channel);
        }

        if (outcome == InboxWriteOutcome.AlreadyStored)
        {
            InboxMetrics.CountDuplicate(channel);
            LogDuplicate(channel, message.Kind);
            return false;
        }

        InboxMetrics.CountReceived(channel);
        if (lease is { } claimed)
        {
            await HandleTicketAsync(new InboxEvent(id, channel, targetId, receivedAt, Attempt: 1), message, claimed, cancellationToken);
        }
        else if (status == InboxStatus.Pending)
        {
            signal.Notify();
        }
        else
        {
            InboxMetrics.CountDispatched(InboxStatus.Ignored);
        }

        return true;
    }

    /// <summary>
    /// Tickets are stored before answering, so that a delivered push means a usable ticket. The row is
    /// already written (claimed by this request): if storing the ticket fails, the push is still answered
    /// <c>success</c> and a dispatcher retries the row when the lease passes.
    /// </summary>
    private async Task HandleTicketAsync(InboxEvent inboxEvent, CallbackMessage message, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        try
        {
            await tickets.HandleAsync(inboxEvent, message, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogTicketDeferred(inboxEvent.Id, failure);
            return;
        }

        await store.Work.CompleteAsync([inboxEvent.Id], InboxStatus.Done, lease, cancellationToken);
        InboxMetrics.CountDispatched(InboxStatus.Done);
    }

    /// <summary>The WeCom console's GET URL check: the decrypted echostr, to be answered exactly.</summary>
    /// <exception cref="CallbackRefusedException">The check is not genuine or not fresh.</exception>
    public async Task<string> VerifyUrlAsync(
        CallbackChannel channel, string? targetId, CallbackQuery query, string? echostr, CancellationToken cancellationToken)
    {
        var (msgSignature, timestamp, nonce) = RequireFresh(channel, query);
        if (string.IsNullOrEmpty(echostr))
        {
            throw Refuse(channel, StatusCodes.Status400BadRequest, "malformed", "echostr is required.");
        }

        if (!crypts.Suite.VerifySignature(msgSignature, timestamp, nonce, echostr))
        {
            throw Refuse(channel, StatusCodes.Status403Forbidden, "signature", "msg_signature does not match echostr.");
        }

        if (!await nonces.TryUseAsync(new NonceUse(channel, timestamp, nonce, msgSignature), cancellationToken))
        {
            throw ReplayRefused(channel);
        }

        var receiveIds = channel == CallbackChannel.Corp ? crypts.UrlCheckData(targetId!) : crypts.UrlCheckInstructions;
        return Decrypt(channel, crypts.Suite, echostr, receiveIds);
    }

    private (string MsgSignature, string Timestamp, string Nonce) RequireFresh(CallbackChannel channel, CallbackQuery query)
    {
        if (string.IsNullOrEmpty(query.MsgSignature) || string.IsNullOrEmpty(query.Timestamp) || string.IsNullOrEmpty(query.Nonce))
        {
            throw Refuse(channel, StatusCodes.Status400BadRequest, "malformed", "msg_signature, timestamp and nonce are required.");
        }

        if (!long.TryParse(query.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw Refuse(channel, StatusCodes.Status400BadRequest, "malformed", "timestamp must be Unix seconds.");
        }

        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > options.Value.TimestampTolerance)
        {
            throw Refuse(channel, StatusCodes.Status403Forbidden, "stale", "timestamp is outside the accepted window.");
        }

        return (query.MsgSignature, query.Timestamp, query.Nonce);
    }

    private CallbackRefusedException ReplayRefused(CallbackChannel channel) =>
        Refuse(channel, StatusCodes.Status403Forbidden, "replay", "nonce was already used by another request.");

    private CallbackEnvelope ReadEnvelope(CallbackChannel channel, string body)
    {
        try
        {
            return body.AsSpan().TrimStart().StartsWith('{') ? CallbackEnvelope.ParseJson(body) : CallbackEnvelope.ParseXml(body);
        }
        catch (WxCryptoException failure)
        {
            throw Refuse(channel, StatusCodes.Status400BadRequest, "malformed", "The body is not an acceptable callback envelope.", failure);
        }
    }

    private string Decrypt(CallbackChannel channel, WxBizMsgCrypt crypt, string encrypt, IReadOnlyCollection<string> receiveIds)
    {
        try
        {
            return crypt.Decrypt(encrypt, receiveIds).Message;
        }
        catch (WxCryptoException failure) when (failure.Error == WxCryptoError.ReceiveIdMismatch)
        {
            throw Refuse(channel, StatusCodes.Status403Forbidden, "receiveid", "The message is sealed for another receiver.", failure);
        }
        catch (WxCryptoException failure)
        {
            throw Refuse(channel, StatusCodes.Status400BadRequest, "decrypt", $"The message cannot be decrypted ({failure.Code}).", failure);
        }
    }

    private CallbackMessage Parse(CallbackChannel channel, string plaintext)
    {
        try
        {
            return CallbackMessageParser.Parse(plaintext);
        }
        catch (CallbackPayloadException failure)
        {
            throw Refuse(channel, StatusCodes.Status400BadRequest, "payload", "The decrypted payload is not acceptable XML or JSON.", failure);
        }
    }

    private CallbackRefusedException Refuse(CallbackChannel channel, int status, string reason, string message, Exception? inner = null)
    {
        InboxMetrics.CountRefused(channel, reason);
        LogRefused(channel, reason);
        return new CallbackRefusedException(status, reason, message, inner);
    }

    /// <summary>Scoped by URL and target, so equal message keys arriving for two accounts or corps stay apart.</summary>
    private static string DedupKey(CallbackChannel channel, string? targetId, CallbackMessage message) =>
        string.Concat(CallbackChannels.Name(channel), "|", targetId, "|", message.DeduplicationKey);

    private static string KindOf(CallbackMessage message) => message is UnknownMessage unknown
        ? "Unknown:" + (unknown.InfoType ?? unknown.Event ?? unknown.MsgType ?? "?")
        : message.Kind.ToString();

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a callback on the {Channel} URL: {Reason}")]
    private partial void LogRefused(CallbackChannel channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing the ticket of inbox event {EventId} failed; a dispatcher retries it when its lease passes")]
    private partial void LogTicketDeferred(Guid eventId, Exception failure);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A {Kind} callback on the {Channel} URL was already stored (platform retry)")]
    private partial void LogDuplicate(CallbackChannel channel, CallbackMessageKind kind);
}
