namespace WeLink.Server.Callbacks.Contracts;

/// <summary>The raw pushes kept in the inbox name the person who caused them; their deletion (PIPL) reaches those too.</summary>
public interface IInboxErasure
{
    /// <summary>
    /// Empties every stored push that contains one of <paramref name="identifiers"/> (openids, external contact ids) and
    /// replaces its de-duplication key, which may hold the openid. A push not yet handled is finished unhandled: it came
    /// from the person before they asked to be forgotten. Returns how many pushes were erased.
    /// </summary>
    Task<int> EraseAsync(IReadOnlyCollection<string> identifiers, CancellationToken cancellationToken);
}
