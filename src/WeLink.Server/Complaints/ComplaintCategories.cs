using WeLink.Server.Cases.Definitions;

namespace WeLink.Server.Complaints;

/// <summary>
/// The categories a consumer may file under: the <c>category</c> value labels of the complaint definition the brand's new
/// complaints start on, in the definition's order, so HQ changes the list by publishing a version, not by a release.
/// </summary>
public sealed class ComplaintCategories(DefinitionCatalog catalog)
{
    private const string Field = "category";

    public async Task<IReadOnlyList<ComplaintCategory>> OfBrandAsync(Guid brandId, CancellationToken cancellationToken)
    {
        var definition = await catalog.LatestAsync(ComplaintDefinition.Key, brandId, cancellationToken);
        return definition?.ValueLabels.GetValueOrDefault(Field) is { } labels
            ? [.. labels.Select(l => new ComplaintCategory(l.Key, l.Value))]
            : [];
    }
}

/// <param name="Value">What the filing sends as its category.</param>
/// <param name="Label">What the picker shows.</param>
public sealed record ComplaintCategory(string Value, string Label);
