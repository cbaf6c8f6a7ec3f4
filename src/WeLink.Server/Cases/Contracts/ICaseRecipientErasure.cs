namespace WeLink.Server.Cases.Contracts;

/// <summary>A person who asked to be forgotten (a member's deletion, PIPL) leaves no openid in what case messaging keeps.</summary>
public interface ICaseRecipientErasure
{
    /// <summary>
    /// Replaces <paramref name="openId"/> with <paramref name="marker"/> in the message ledger's recipients and in the
    /// consumer's subscribe answers. The rows stay, so a case's message log still counts every message.
    /// </summary>
    Task AnonymiseAsync(string openId, string marker, CancellationToken cancellationToken);
}
