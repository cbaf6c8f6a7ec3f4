using Microsoft.Extensions.Options;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Time;

namespace WeLink.Sandbox.Faults;

/// <summary>Daily call counts per API against the configured budgets; the day is sandbox-clock UTC.</summary>
public sealed class QuotaBook(IOptions<SandboxOptions> options, SandboxClock clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Api, DateOnly Day), int> _calls = [];

    /// <summary>Counts a call; false when it is over today's budget.</summary>
    public bool TryCount(string api)
    {
        var quotas = options.Value.Quotas;
        var budget = quotas.DailyBudgets.TryGetValue(api, out var specific) ? specific : quotas.DefaultDailyBudget;
        var key = (api, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        lock (_gate)
        {
            var used = _calls.GetValueOrDefault(key);
            if (used >= budget)
            {
                return false;
            }

            _calls[key] = used + 1;
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }
}
