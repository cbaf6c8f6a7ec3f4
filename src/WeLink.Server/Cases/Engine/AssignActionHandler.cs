using WeLink.Workflow.Actions;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Engine;

/// <summary>
/// The built-in <c>assign:&lt;role&gt;</c> actions: the case goes to the role's inbox, unclaimed. A definition writes
/// e.g. <c>"onEnter": ["assign:service-manager"]</c>. The outbox key makes a redelivery a replay, not a second step.
/// </summary>
public sealed class AssignActionHandler(IServiceProvider services) : ICaseActionHandler
{
    public const string Family = "assign:";

    public string Name => Family;

    public async Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Resolved late: the engine depends on the registry this handler belongs to.
        var engine = services.GetRequiredService<CaseEngine>();
        var result = await engine.ReassignAsync(context.CaseId, CaseScope.Platform, Actor.System, null, context.Argument, context.IdempotencyKey, null, cancellationToken);
        if (result is CaseConflict conflict)
        {
            // Throwing lets the outbox retry on the case's next version.
            throw new InvalidOperationException(conflict.Message);
        }
    }
}
