using System.Collections.Concurrent;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Tests.Cases;

/// <summary>Action handlers that record each delivery; a test can make one action fail for a while.</summary>
public sealed class RecordingActions
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new(StringComparer.Ordinal);

    public ConcurrentQueue<CaseActionContext> Delivered { get; } = new();

    public IEnumerable<ICaseActionHandler> Handlers(IEnumerable<string> names) => names.Select(n => new Handler(n, this));

    /// <summary>The next <paramref name="times"/> deliveries of <paramref name="action"/> throw.</summary>
    public void Fail(string action, int times) => _failuresLeft[action] = times;

    public int Count(string action) => Delivered.Count(d => d.Action == action);

    private sealed class Handler(string name, RecordingActions owner) : ICaseActionHandler
    {
        public string Name => name;

        public Task HandleAsync(CaseActionContext context, CancellationToken cancellationToken)
        {
            if (owner._failuresLeft.TryGetValue(name, out var left) && left > 0)
            {
                owner._failuresLeft[name] = left - 1;
                throw new InvalidOperationException($"{name} is down");
            }

            owner.Delivered.Enqueue(context);
            return Task.CompletedTask;
        }
    }
}
