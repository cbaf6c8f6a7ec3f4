using WeLink.Server.Cases.Definitions;

namespace WeLink.Server.Complaints;

/// <summary>The categories a consumer may file under: the definition's <c>category</c> value labels (<see cref="ComplaintChoices"/>).</summary>
public sealed class ComplaintCategories(DefinitionCatalog catalog)
{
    public async Task<IReadOnlyList<ComplaintCategory>> OfBrandAsync(Guid brandId, CancellationToken cancellationToken) =>
        [.. (await ComplaintChoices.OfBrandAsync(catalog, brandId, "category", cancellationToken)).Select(l => new ComplaintCategory(l.Key, l.Value))];
}

/// <param name="Value">What the filing sends as its category.</param>
/// <param name="Label">What the picker shows.</param>
public sealed record ComplaintCategory(string Value, string Label);
