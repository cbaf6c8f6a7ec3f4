namespace WeLink.Server.Identities.Contracts;

/// <summary>The consumers WeLink knows, for other features; the <c>consumers</c> table stays Identities'.</summary>
public interface IConsumerDirectory
{
    /// <summary>Null when no consumer has this id.</summary>
    Task<ConsumerAddress?> FindAsync(Guid consumerId, CancellationToken cancellationToken);

    /// <summary>The follower of the account <paramref name="appId"/> with this unionid; null when WeLink knows no such follower.</summary>
    Task<ConsumerAddress?> FindFollowerAsync(string appId, string unionId, CancellationToken cancellationToken);

    /// <summary>The names staff see for these consumers (their WeChat nickname, when WeChat gave one); unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> consumerIds, CancellationToken cancellationToken);
}
