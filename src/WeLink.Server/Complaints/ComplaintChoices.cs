using WeLink.Server.Cases.Definitions;

namespace WeLink.Server.Complaints;

/// <summary>
/// What a consumer's filing offers for a field: its value labels in the complaint definition the brand's new complaints
/// start on, in the definition's order, so HQ changes a list by publishing a version, not by a release.
/// </summary>
internal static class ComplaintChoices
{
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> OfBrandAsync(
        DefinitionCatalog catalog, Guid brandId, string field, CancellationToken cancellationToken)
    {
        var definition = await catalog.LatestAsync(ComplaintDefinition.Key, brandId, cancellationToken);
        return definition?.ValueLabels.GetValueOrDefault(field) is { } labels ? [.. labels] : [];
    }
}
