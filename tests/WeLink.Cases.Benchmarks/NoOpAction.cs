using WeLink.Workflow.Actions;

namespace WeLink.Cases.Benchmarks;

/// <summary>The benchmark's only action; the outbox is not dispatched during the run, so it is never called.</summary>
internal sealed class NoOpAction : ICaseActionHandler
{
    public string Name => "bench_notify";

    public Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
