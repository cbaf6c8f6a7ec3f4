namespace WeLink.Sandbox.Pushes;

/// <summary>A push and everything that happened to it, for inspection through the control API.</summary>
public sealed class PushRecord(long id, PushMessage message, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly List<PushAttempt> _attempts = [];
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PushStatus _status = PushStatus.Queued;
    private string? _reply;

    public long Id { get; } = id;

    public PushMessage Message { get; } = message;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Completes when the push is delivered, failed or dropped.</summary>
    public Task Finished => _finished.Task;

    public PushStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    public IReadOnlyList<PushAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>WeLink's passive reply, decrypted when it was encrypted.</summary>
    public string? Reply
    {
        get
        {
            lock (_gate)
            {
                return _reply;
            }
        }
    }

    public void AddAttempt(PushAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }

    public void Hold()
    {
        lock (_gate)
        {
            _status = PushStatus.Held;
        }
    }

    public void Finish(PushStatus status, string? reply = null)
    {
        lock (_gate)
        {
            _status = status;
            _reply = reply;
        }

        _finished.TrySetResult();
    }
}
