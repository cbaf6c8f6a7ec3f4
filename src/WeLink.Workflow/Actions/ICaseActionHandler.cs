namespace WeLink.Workflow.Actions;

/// <summary>
/// Carries out one named action of a definition (notify the consumer, send staff a card, assign ...) after the transition
/// that asked for it has committed. Delivery is at least once: a handler must treat a repeated
/// <see cref="CaseActionContext.IdempotencyKey"/> as already done. Throwing means "try again later".
/// </summary>
public interface ICaseActionHandler
{
    /// <summary>The action name definitions use; a name ending in <c>:</c> (e.g. <c>assign:</c>) handles a family of
    /// actions <c>assign:&lt;role&gt;</c>, one per known staff role, and receives the role as the argument.</summary>
    string Name { get; }

    Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken);
}
