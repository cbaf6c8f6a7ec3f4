namespace WeLink.Server.Identities.Contracts;

/// <summary>The consumers WeLink knows, for other features; the <c>consumers</c> table stays Identities'.</summary>
public interface IConsumerDirectory
{
    /// <summary>Null when no consumer has this id.</summary>
    Task<ConsumerAddress?> FindAsync(Guid consumerId, CancellationToken cancellationToken);
}
