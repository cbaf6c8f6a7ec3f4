namespace WeLink.Server.Members.Contracts;

/// <summary>Asked before anything that needs a person's consent is done, so a withdrawal takes effect everywhere at once.</summary>
public interface IMemberConsents
{
    /// <summary>
    /// Whether the person behind the Identities consumer row allows <paramref name="purpose"/> now. Service notifications
    /// are allowed unless the member withdrew them (someone who never joined still hears about what they asked for); every
    /// other purpose needs the member's consent in force.
    /// </summary>
    Task<bool> AllowsAsync(Guid consumerId, ConsentPurpose purpose, CancellationToken cancellationToken);
}
