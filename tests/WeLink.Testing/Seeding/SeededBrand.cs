namespace WeLink.Testing.Seeding;

/// <summary>What a seed wrote: the brand's id and its new dealers in the order they were asked for.</summary>
public sealed record SeededBrand(Guid Id, string? Name, IReadOnlyList<SeededDealer> Dealers)
{
    /// <summary>The dealer seeded under this name.</summary>
    public SeededDealer this[string dealerName] =>
        Dealers.SingleOrDefault(d => d.Name == dealerName) ?? throw new KeyNotFoundException($"No dealer named {dealerName} was seeded.");
}
