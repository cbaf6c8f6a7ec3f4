using WeLink.Sandbox.Time;

namespace WeLink.Sandbox.Pushes;

/// <summary>Every push the sandbox has made, in order.</summary>
public sealed class PushLog(SandboxClock clock)
{
    private readonly Lock _gate = new();
    private readonly List<PushRecord> _records = [];
    private long _nextId;

    public PushRecord Add(PushMessage message)
    {
        lock (_gate)
        {
            var record = new PushRecord(++_nextId, message, clock.GetUtcNow());
            _records.Add(record);
            return record;
        }
    }

    public IReadOnlyList<PushRecord> All()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    public PushRecord? Find(long id)
    {
        lock (_gate)
        {
            return _records.Find(r => r.Id == id);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }
}
