namespace WeLink.Server.Identities.Contracts;

/// <summary>The person behind consumer rows asked to be forgotten (a member's deletion, PIPL).</summary>
public interface IConsumerErasure
{
    /// <summary>
    /// Replaces what identifies the person in each consumer row and its mini-program sessions (openid, unionid, nickname)
    /// with an anonymous marker and ends those sessions. The rows stay, so the cases, messages and ledgers that name them
    /// still add up. Irreversible; repeating it changes nothing more.
    /// </summary>
    Task AnonymiseAsync(IReadOnlyCollection<Guid> consumerIds, CancellationToken cancellationToken);
}
