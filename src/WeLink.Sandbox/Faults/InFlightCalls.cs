namespace WeLink.Sandbox.Faults;

/// <summary>
/// The platform API calls in flight, per API, with the most that were in flight at once since the last clear; and a hold
/// armed through the control API that keeps an API's next calls waiting until a number of them are in flight together. A
/// test proves that a client sends calls at once by the peak, without timing them: a client that sends one at a time
/// never fills the hold, which lets its first call go on after the hold's timeout.
/// </summary>
public sealed class InFlightCalls
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Now, int Peak)> _calls = new(StringComparer.OrdinalIgnoreCase);
    private Hold? _hold;

    /// <summary>Holds the next calls whose path ends with <paramref name="api"/> until <paramref name="parties"/> are in flight, at most <paramref name="timeout"/>.</summary>
    public void Arm(string api, int parties, TimeSpan timeout)
    {
        lock (_gate)
        {
            _hold = new Hold(api, parties, timeout, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    /// <summary>The most calls of an API (path ending with <paramref name="api"/>) that were in flight at once, and how many are now.</summary>
    public (int Now, int Peak) Of(string api)
    {
        lock (_gate)
        {
            var matching = _calls.Where(c => c.Key.EndsWith(api, StringComparison.OrdinalIgnoreCase)).Select(c => c.Value).ToList();
            return (matching.Sum(c => c.Now), matching.Select(c => c.Peak).DefaultIfEmpty().Max());
        }
    }

    /// <summary>Counts the call in flight until the answer is disposed; waits first when a hold is armed for its API.</summary>
    public async Task<IDisposable> EnterAsync(string api, CancellationToken cancellationToken)
    {
        Hold? held = null;
        lock (_gate)
        {
            var (now, peak) = _calls.GetValueOrDefault(api);
            _calls[api] = (now + 1, Math.Max(peak, now + 1));
            if (_hold is { } hold && api.EndsWith(hold.Api, StringComparison.OrdinalIgnoreCase))
            {
                hold.Arrived++;
                if (hold.Arrived >= hold.Parties)
                {
                    _hold = null;
                    hold.Filled.TrySetResult();
                }
                else
                {
                    held = hold;
                }
            }
        }

        var call = new Call(this, api);
        if (held is not null)
        {
            try
            {
                await held.Filled.Task.WaitAsync(held.Timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                Release(held);
            }
            catch
            {
                lock (_gate)
                {
                    if (_hold == held)
                    {
                        held.Arrived--;
                    }
                }

                call.Dispose();
                throw;
            }
        }

        return call;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _hold?.Filled.TrySetResult();
            _hold = null;
            foreach (var api in _calls.Keys.ToList())
            {
                _calls[api] = (_calls[api].Now, _calls[api].Now);
            }
        }
    }

    /// <summary>A hold that timed out lets every call it holds go on, and holds no more.</summary>
    private void Release(Hold hold)
    {
        lock (_gate)
        {
            if (_hold == hold)
            {
                _hold = null;
            }
        }

        hold.Filled.TrySetResult();
    }

    private void Leave(string api)
    {
        lock (_gate)
        {
            var (now, peak) = _calls[api];
            _calls[api] = (now - 1, peak);
        }
    }

    private sealed class Hold(string api, int parties, TimeSpan timeout, TaskCompletionSource filled)
    {
        public string Api { get; } = api;

        public int Parties { get; } = parties;

        public TimeSpan Timeout { get; } = timeout;

        public TaskCompletionSource Filled { get; } = filled;

        public int Arrived { get; set; }
    }

    private sealed class Call(InFlightCalls calls, string api) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                calls.Leave(api);
            }
        }
    }
}
