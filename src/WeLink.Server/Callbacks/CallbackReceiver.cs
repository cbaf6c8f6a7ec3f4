using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Options;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data.Queues;
using WeLink.Wechat.Crypto;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Callbacks;

/// <summary>
/// Everything between a callback request and the inbox: timestamp window, msg_signature (never the plain
/// signature, which does not cover the body), decryption for the channel's receiveid, parsing with the hardened
/// reader, the addressee check (the push must be for the account or corp whose URL it came to), then the nonce replay
/// check and one insert-if-absent keyed by the message's de-duplication key, both done by the
/// <see cref="InboxWriter"/> for many requests at once. Only when the row is written (or was already there) may the
/// endpoint answer <c>success</c>. A message no handler accepts (most of what followers send) is stored as ignored, so
/// that the dispatcher never has to claim it. Refusals are results, never exceptions: they arrive at full rate.
/// </summary>
public sealed partial class CallbackReceiver(
    CallbackCrypts crypts,
    CallbackAddressees addressees,
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
    private const string Success = "success";

    /// <summary>Stores the callback (or finds the platform's retry of it already stored) and answers <c>success</c>, or refuses it.</summary>
    public async Task<CallbackAnswer> ReceiveAsync(
        CallbackChannel channel, string? targetId, CallbackQuery query, string body, CancellationToken cancellationToken)
    {
        if (!TryRequireFresh(channel, query, out var signed, out var stale))
        {
            return CallbackAnswer.Refused(stale);
        }

        var crypt = crypts.For(channel);
        if (!TryReadEnvelope(channel, body, out var envelope, out var unreadable))
        {
            return CallbackAnswer.Refused(unreadable);
        }

        if (!crypt.VerifySignature(signed.MsgSignature, signed.Timestamp, signed.Nonce, envelope.Encrypt))
        {
            return CallbackAnswer.Refused(Refuse(channel, StatusCodes.Status403Forbidden, "signature", "msg_signature does not match the body."));
        }

        if (!TryDecrypt(channel, crypt, envelope.Encrypt, crypts.ReceiveIdsFor(channel, targetId), out var plaintext, out var undecryptable))
        {
            return CallbackAnswer.Refused(undecryptable);
        }

        if (!TryParse(channel, plaintext, out var message, out var unparsable))
        {
            return CallbackAnswer.Refused(unparsable);
        }

        var addressee = await addressees.ExpectedAsync(channel, targetId, cancellationToken);
        if (addressee is null || !string.Equals(message.Addressee, addressee, StringComparison.Ordinal))
        {
            return CallbackAnswer.Refused(Refuse(
                channel, StatusCodes.Status403Forbidden, "addressee", "The message is addressed to another account or corp than this URL serves."));
        }

        return await StoreAsync(targetId, signed, plaintext, message, cancellationToken);
    }

    private async Task<CallbackAnswer> StoreAsync(
        string? targetId, NonceUse signed, string plaintext, CallbackMessage message, CancellationToken cancellationToken)
    {
        var channel = signed.Channel;
        var receivedAt = QueueTime.Stored(time.GetUtcNow());
        var id = Guid.CreateVersion7(receivedAt);
        var handleNow = TicketHandler.Accepts(message);
        var lease = handleNow ? QueueTime.Stored(receivedAt + options.Value.LeaseDuration) : (DateTimeOffset?)null;
        var status = routes.AnyAccepts(message) ? InboxStatus.Pending : InboxStatus.Ignored;
        var entry = new InboxEntry(
            id, channel, targetId, DedupKey(channel, targetId, message), KindOf(message), plaintext, receivedAt, status, lease);
        var outcome = await inbox.TryAddAsync(entry, signed, cancellationToken);
        if (outcome == InboxWriteOutcome.NonceUsed)
        {
            return CallbackAnswer.Refused(ReplayRefused(channel));
        }

        if (outcome == InboxWriteOutcome.AlreadyStored)
        {
            InboxMetrics.CountDuplicate(channel);
            LogDuplicate(channel, message.Kind);
            return CallbackAnswer.Reply(Success);
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

        return CallbackAnswer.Reply(Success);
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

    /// <summary>The WeCom console's GET URL check: the decrypted echostr, to be answered exactly, or a refusal.</summary>
    public async Task<CallbackAnswer> VerifyUrlAsync(
        CallbackChannel channel, string? targetId, CallbackQuery query, string? echostr, CancellationToken cancellationToken)
    {
        if (!TryRequireFresh(channel, query, out var signed, out var stale))
        {
            return CallbackAnswer.Refused(stale);
        }

        if (string.IsNullOrEmpty(echostr))
        {
            return CallbackAnswer.Refused(Refuse(channel, StatusCodes.Status400BadRequest, "malformed", "echostr is required."));
        }

        if (!crypts.Suite.VerifySignature(signed.MsgSignature, signed.Timestamp, signed.Nonce, echostr))
        {
            return CallbackAnswer.Refused(Refuse(channel, StatusCodes.Status403Forbidden, "signature", "msg_signature does not match echostr."));
        }

        if (!await nonces.TryUseAsync(signed, cancellationToken))
        {
            return CallbackAnswer.Refused(ReplayRefused(channel));
        }

        var receiveIds = channel == CallbackChannel.Corp ? crypts.UrlCheckData(targetId!) : crypts.UrlCheckInstructions;
        return TryDecrypt(channel, crypts.Suite, echostr, receiveIds, out var plaintext, out var refusal)
            ? CallbackAnswer.Reply(plaintext)
            : CallbackAnswer.Refused(refusal);
    }

    /// <summary>The three signed parameters, when all are present and the timestamp is inside the window.</summary>
    private bool TryRequireFresh(
        CallbackChannel channel, CallbackQuery query, out NonceUse signed, [NotNullWhen(false)] out CallbackRefusal? refusal)
    {
        signed = default;
        if (string.IsNullOrEmpty(query.MsgSignature) || string.IsNullOrEmpty(query.Timestamp) || string.IsNullOrEmpty(query.Nonce))
        {
            refusal = Refuse(channel, StatusCodes.Status400BadRequest, "malformed", "msg_signature, timestamp and nonce are required.");
            return false;
        }

        if (!long.TryParse(query.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            refusal = Refuse(channel, StatusCodes.Status400BadRequest, "malformed", "timestamp must be Unix seconds.");
            return false;
        }

        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > options.Value.TimestampTolerance)
        {
            refusal = Refuse(channel, StatusCodes.Status403Forbidden, "stale", "timestamp is outside the accepted window.");
            return false;
        }

        signed = new NonceUse(channel, query.Timestamp, query.Nonce, query.MsgSignature);
        refusal = null;
        return true;
    }

    private CallbackRefusal ReplayRefused(CallbackChannel channel) =>
        Refuse(channel, StatusCodes.Status403Forbidden, "replay", "nonce was already used by another request.");

    // The crypto library and the payload reader report what they cannot read by throwing; these are the only
    // exceptions on the way in, and they are turned into refusals at once.
    private bool TryReadEnvelope(
        CallbackChannel channel, string body, [NotNullWhen(true)] out CallbackEnvelope? envelope, [NotNullWhen(false)] out CallbackRefusal? refusal)
    {
        try
        {
            envelope = body.AsSpan().TrimStart().StartsWith('{') ? CallbackEnvelope.ParseJson(body) : CallbackEnvelope.ParseXml(body);
            refusal = null;
            return true;
        }
        catch (WxCryptoException)
        {
            envelope = null;
            refusal = Refuse(channel, StatusCodes.Status400BadRequest, "malformed", "The body is not an acceptable callback envelope.");
            return false;
        }
    }

    private bool TryDecrypt(
        CallbackChannel channel,
        WxBizMsgCrypt crypt,
        string encrypt,
        IReadOnlyCollection<string> receiveIds,
        [NotNullWhen(true)] out string? plaintext,
        [NotNullWhen(false)] out CallbackRefusal? refusal)
    {
        plaintext = null;
        refusal = null;
        try
        {
            plaintext = crypt.Decrypt(encrypt, receiveIds).Message;
            return true;
        }
        catch (WxCryptoException failure) when (failure.Error == WxCryptoError.ReceiveIdMismatch)
        {
            refusal = Refuse(channel, StatusCodes.Status403Forbidden, "receiveid", "The message is sealed for another receiver.");
        }
        catch (WxCryptoException failure)
        {
            refusal = Refuse(channel, StatusCodes.Status400BadRequest, "decrypt", $"The message cannot be decrypted ({failure.Code}).");
        }

        return false;
    }

    private bool TryParse(
        CallbackChannel channel, string plaintext, [NotNullWhen(true)] out CallbackMessage? message, [NotNullWhen(false)] out CallbackRefusal? refusal)
    {
        try
        {
            message = CallbackMessageParser.Parse(plaintext);
            refusal = null;
            return true;
        }
        catch (CallbackPayloadException)
        {
            message = null;
            refusal = Refuse(channel, StatusCodes.Status400BadRequest, "payload", "The decrypted payload is not acceptable XML or JSON.");
            return false;
        }
    }

    private CallbackRefusal Refuse(CallbackChannel channel, int status, string reason, string message)
    {
        InboxMetrics.CountRefused(channel, reason);
        LogRefused(channel, reason);
        return new CallbackRefusal(status, reason, message);
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
