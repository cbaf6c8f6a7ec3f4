namespace WeLink.Server.Identities.Contracts;

/// <summary>Who a WeCom external contact of a dealer's corp is to WeLink: their name in WeCom and the consumers they are.</summary>
public interface IExternalContacts
{
    /// <summary>The contact as the dealer's corp knows them, with the brand's consumers who share their unionid.</summary>
    Task<ExternalContactLookup> FindAsync(Guid brandId, Guid dealerId, string externalUserId, CancellationToken cancellationToken);
}

/// <summary>What the corp said: the contact (when <see cref="Outcome"/> is found), or why there is none.</summary>
public sealed record ExternalContactLookup(ExternalContactOutcome Outcome, ExternalContactMatch? Contact = null);

public enum ExternalContactOutcome
{
    Found,

    /// <summary>The dealer's corp has no such external contact.</summary>
    NotAContact,

    /// <summary>WeLink's app is not installed in the dealer's corp (any more), so WeCom cannot be asked.</summary>
    CorpNotInstalled,
}

/// <summary>
/// A contact and the consumers WeLink links them to by WeCom's unionid (one per account or mini program they came
/// through; none when WeCom gave no unionid or no consumer has it).
/// </summary>
public sealed record ExternalContactMatch(string ExternalUserId, string? Name, IReadOnlyList<LinkedConsumer> Consumers);

/// <summary>A consumer of the brand, with the dealer they first came through and the name staff see for them.</summary>
public sealed record LinkedConsumer(Guid ConsumerId, Guid DealerId, string Name);
