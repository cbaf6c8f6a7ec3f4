using WeLink.Server.Cases.Definitions;
using WeLink.Server.Data;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Messaging;

/// <summary>The definition version a case runs on, for messaging to read its notices and texts.</summary>
public sealed class CaseDefinitions(IDbConnectionFactory connections, IServiceProvider services)
{
    public async Task<WorkflowDefinition> GetAsync(string key, int version, CancellationToken cancellationToken)
    {
        // Resolved late: the catalog validates against the action registry, which holds the notice handler that reads here.
        var catalog = services.GetRequiredService<DefinitionCatalog>();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await catalog.GetAsync(key, version, connection, null, cancellationToken);
    }
}
