namespace WeLink.Server.Cases.Contracts;

/// <summary>Hands work that waited for a role to the staff member who was just given it.</summary>
public interface IWaitingCaseHandover
{
    /// <summary>
    /// Assigns the dealer's open cases that sit in one of <paramref name="roles"/>' queues with nobody assigned to the staff
    /// member, oldest first; returns the cases handed over.
    /// </summary>
    Task<IReadOnlyList<Guid>> HandOverAsync(Guid dealerId, Guid staffId, IReadOnlyList<string> roles, CancellationToken cancellationToken);
}
