namespace WeLink.Sandbox.Faults;

/// <summary>Faults armed through the control API; each is used up call by call or push by push.</summary>
public sealed class FaultBook
{
    private readonly Lock _gate = new();
    private readonly List<ApiFault> _apiFaults = [];
    private readonly List<(PushFaultKind Kind, int Remaining, TimeSpan Delay)> _pushFaults = [];
    private TimeSpan _latency;

    /// <summary>Latency added to every API call, on top of any per-API fault.</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }

        set
        {
            lock (_gate)
            {
                _latency = value;
            }
        }
    }

    public void Arm(ApiFault fault)
    {
        lock (_gate)
        {
            _apiFaults.Add(fault);
        }
    }

    public void Arm(PushFaultKind kind, int count, TimeSpan delay)
    {
        lock (_gate)
        {
            _pushFaults.Add((kind, count, delay));
        }
    }

    /// <summary>Takes one use of the first fault armed for this API, if any.</summary>
    public ApiFault? TakeApiFault(string apiPath)
    {
        lock (_gate)
        {
            var index = _apiFaults.FindIndex(f => apiPath.EndsWith(f.Api, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var fault = _apiFaults[index];
            if (fault.Remaining <= 1)
            {
                _apiFaults.RemoveAt(index);
            }
            else
            {
                _apiFaults[index] = fault with { Remaining = fault.Remaining - 1 };
            }

            return fault;
        }
    }

    /// <summary>Takes one use of the oldest armed push fault, if any.</summary>
    public (PushFaultKind Kind, TimeSpan Delay, bool LastOfBatch)? TakePushFault()
    {
        lock (_gate)
        {
            if (_pushFaults.Count == 0)
            {
                return null;
            }

            var (kind, remaining, delay) = _pushFaults[0];
            if (remaining <= 1)
            {
                _pushFaults.RemoveAt(0);
            }
            else
            {
                _pushFaults[0] = (kind, remaining - 1, delay);
            }

            return (kind, delay, remaining <= 1);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _apiFaults.Clear();
            _pushFaults.Clear();
            _latency = TimeSpan.Zero;
        }
    }
}
