using WeLink.Server.Cases.Definitions;
using WeLink.Server.Data;

namespace WeLink.Server.Complaints;

/// <summary>The label a consumer sees for a state, from the definition version the case runs on.</summary>
public sealed class ComplaintLabels(IDbConnectionFactory connections, IServiceProvider services)
{
    public async Task<string> LabelAsync(int version, string state, CancellationToken cancellationToken)
    {
        // Resolved late: the catalog validates against the action handlers, and the consumer notices use these labels.
        var definitions = services.GetRequiredService<DefinitionCatalog>();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var definition = await definitions.GetAsync(ComplaintDefinition.Key, version, connection, null, cancellationToken);
        return definition.States.FirstOrDefault(s => s.Key == state)?.ConsumerLabel ?? "处理中";
    }
}
