using System.Text.RegularExpressions;

namespace WeLink.Server.Cases.Messaging;

/// <summary>A row of the <c>case_messages</c> ledger.</summary>
public sealed partial class CaseMessage
{
    internal const string Columns = """
        idempotency_key AS IdempotencyKey, case_id AS CaseId, channel AS Channel, recipients AS Recipients, summary AS Summary,
        status AS Status, attempts AS Attempts, claimed_at AS ClaimedAt, sent_at AS SentAt, reason AS Reason, template_id AS TemplateId,
        delivery AS Delivery, delivery_error AS DeliveryError
        """;

    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Undeliverable = "undeliverable";

    /// <summary>A <see cref="Delivery"/>: WeChat reported the subscribe message delivered.</summary>
    public const string Delivered = "delivered";

    /// <summary>A <see cref="Delivery"/>: WeChat reported the subscribe message not delivered (<see cref="DeliveryError"/>).</summary>
    public const string Failed = "failed";

    public string IdempotencyKey { get; init; } = "";

    public Guid CaseId { get; init; }

    /// <summary><see cref="CaseMessenger.ConsumerChannel"/>, <see cref="CaseMessenger.MiniProgramChannel"/> or <see cref="CaseMessenger.StaffChannel"/>.</summary>
    public string Channel { get; init; } = "";

    /// <summary>Sent to the dealer's staff in WeCom (else to the consumer).</summary>
    public bool ToStaff => Channel == CaseMessenger.StaffChannel;

    /// <summary>Openids or userids joined by <c>|</c>.</summary>
    public string Recipients { get; init; } = "";

    /// <summary>What was said, in words without personal data (the notice's action and its rendered text).</summary>
    public string Summary { get; init; } = "";

    /// <summary>The <see cref="Summary"/> as people read it: without the notice's action key it starts with (<c>send_receipt: </c>).</summary>
    public string Words => ActionKey().Replace(Summary, "", 1);

    /// <summary><see cref="Sending"/> while claimed, <see cref="Sent"/> once the platform took it, <see cref="Undeliverable"/> when no channel reaches the consumer (<see cref="Reason"/> says why).</summary>
    public string Status { get; init; } = "";

    public long Attempts { get; init; }

    public DateTimeOffset ClaimedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Why an undeliverable message reached nobody, in words the portal shows.</summary>
    public string? Reason { get; init; }

    /// <summary>The subscribe template a mini-program message was sent with; null for other messages.</summary>
    public string? TemplateId { get; init; }

    /// <summary>WeChat's later report of a subscribe message (<see cref="Delivered"/> or <see cref="Failed"/>); null until it comes, and for other messages.</summary>
    public string? Delivery { get; init; }

    /// <summary>WeChat's ErrorStatus for a <see cref="Failed"/> delivery.</summary>
    public string? DeliveryError { get; init; }

    [GeneratedRegex("^[a-z0-9_]+: ")]
    private static partial Regex ActionKey();
}

/// <summary>What a sender claims before it sends; <see cref="TemplateId"/> is the subscribe template it is about to send with.</summary>
public sealed record CaseMessageClaim(string IdempotencyKey, Guid CaseId, string Channel, string Recipients, string Summary, DateTimeOffset ClaimedAt)
{
    public string? TemplateId { get; init; }
}
