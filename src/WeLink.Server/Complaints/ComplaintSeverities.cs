using WeLink.Server.Cases.Definitions;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Complaints;

/// <summary>
/// The severities a consumer may pick and what each reads as: the definition's <c>severity</c> value labels
/// (<see cref="ComplaintChoices"/>), the one list the filing page, the API's check and every page showing a complaint use.
/// </summary>
public sealed class ComplaintSeverities(DefinitionCatalog catalog)
{
    private const string Field = "severity";

    public async Task<IReadOnlyList<ComplaintSeverity>> OfBrandAsync(Guid brandId, CancellationToken cancellationToken) =>
        [.. (await ComplaintChoices.OfBrandAsync(catalog, brandId, Field, cancellationToken)).Select(l => new ComplaintSeverity(l.Key, l.Value))];

    /// <summary>The label of a complaint's severity in the definition version its case runs on; a value it does not list reads as itself.</summary>
    public static string LabelOf(WorkflowDefinition definition, string severity)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.ValueLabels.GetValueOrDefault(Field)?.GetValueOrDefault(severity) ?? severity;
    }
}

/// <param name="Value">What the filing sends as its severity (the process reads it: <c>high</c> shortens the first-response SLA).</param>
/// <param name="Label">What the pages show.</param>
public sealed record ComplaintSeverity(string Value, string Label);
