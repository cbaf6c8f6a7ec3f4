using WeLink.Server.Members.Consents;

namespace WeLink.Server.Members.Joining;

/// <summary>
/// A consumer's application from the mini program: the code of the phone button, the name they gave (if any), their
/// answers to the consent text of <see cref="TextVersion"/> (service granted, checked by the caller), and the request's
/// idempotency key in the consumer's namespace.
/// </summary>
public sealed record JoinApplication(
    Guid ConsumerId, Guid BrandId, Guid DealerId, string PhoneCode, string? Name, IReadOnlyList<ConsentAnswer> Consents, string TextVersion, string IdempotencyKey);

/// <summary>What became of an application.</summary>
public abstract record JoinResult
{
    /// <summary>The member's joining case reached the card (or a step HQ put before it); a replayed request answers this again.</summary>
    public sealed record Joined(Guid MemberId, Guid CaseId) : JoinResult;

    /// <summary>The person (or the record the phone merged them into) had joined before.</summary>
    public sealed record AlreadyMember : JoinResult;

    /// <summary>WeChat gave no usable number for the code: expired, used, another's; or not a mainland mobile.</summary>
    public sealed record PhoneRefused(string Why) : JoinResult;

    /// <summary>The session is not the brand's mini program, where the phone button is.</summary>
    public sealed record NotInMiniProgram : JoinResult;

    /// <summary>The engine refused the case (another application of theirs is open, the definition's parameters fail).</summary>
    public sealed record Refused(string Why) : JoinResult;
}
