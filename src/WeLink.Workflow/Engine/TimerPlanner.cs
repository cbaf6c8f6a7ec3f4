using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Parameters;
using WeLink.Workflow.Time;

namespace WeLink.Workflow.Engine;

/// <summary>
/// Works out which timers a move between states cancels, arms, holds and resumes.
/// <list type="bullet">
/// <item>A timer is armed when the case enters one of its states from outside them, kept while the case moves among
/// them, and cancelled when the case leaves them. Staying in the same state changes no timer.</item>
/// <item>Entering a state that waits on the consumer holds every timer that would have kept running, with its remaining
/// time (business time for business-time timers); timers armed by the waiting state itself run normally.</item>
/// <item>Leaving the waiting states reschedules each held timer whose states include the new state at now + remaining.</item>
/// <item>A before-timer anchored on a timer is due (anchor's duration - lead) after arming, on the anchor's clock; one
/// anchored on a date in the data is due that long before it. Either is skipped when its anchor is not armed or its due
/// time is not in the future.</item>
/// </list>
/// </summary>
internal sealed class TimerPlanner(WorkflowDefinition definition, ResolvedParameters parameters, BusinessCalendar calendar)
{
    private const string TimerAnchorPrefix = "timer:";

    public TimerPlan Plan(string? from, string to, IReadOnlyList<CaseTimer> running, TimerPause? pause, GuardScope arming, DateTimeOffset now)
    {
        if (from == to)
        {
            return new TimerPlan([], [], pause);
        }

        var fromWaits = from is not null && WaitsOnConsumer(from);
        var toWaits = WaitsOnConsumer(to);
        bool Keeps(string key) => Find(key) is { } timer && timer.States.Contains(to);
        bool RanIn(TimerDefinition timer) => from is not null && timer.States.Contains(from);

        var pausing = toWaits && !fromWaits;
        var cancel = running.Where(t => pausing || !Keeps(t.Key)).Select(t => t.Key).ToList();
        var schedule = new List<CaseTimer>();
        TimerPause? nextPause = null;
        if (toWaits)
        {
            var held = fromWaits
                ? (pause?.Timers ?? []).Where(p => Keeps(p.Key))
                : running.Where(t => Keeps(t.Key)).Select(t => Hold(t, now));
            nextPause = new TimerPause(fromWaits ? pause?.Since ?? now : now, [.. held]);
        }
        else if (fromWaits)
        {
            schedule.AddRange((pause?.Timers ?? []).Where(p => Keeps(p.Key)).Select(p => new CaseTimer(p.Key, p.Trigger, Add(now, p.Remaining, p.BusinessTime))));
        }

        schedule.AddRange(Arm(definition.Timers.Where(t => t.States.Contains(to) && !RanIn(t)).ToList(), arming, now));
        return new TimerPlan(cancel, schedule, nextPause);
    }

    private List<CaseTimer> Arm(List<TimerDefinition> timers, GuardScope arming, DateTimeOffset now)
    {
        var armed = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var due = new Dictionary<TimerDefinition, DateTimeOffset>();
        foreach (var timer in timers.Where(t => t.After is not null && Guarded(t, arming)))
        {
            var duration = Duration(timer.After!, timer.Unit);
            armed[timer.Key] = duration;
            due[timer] = Add(now, duration, timer.BusinessTime);
        }

        foreach (var timer in timers.Where(t => t.Before is not null && Guarded(t, arming)))
        {
            if (BeforeDue(timer, armed, arming, now) is { } at && at > now)
            {
                due[timer] = at;
            }
        }

        return [.. timers.Where(due.ContainsKey).Select(t => new CaseTimer(t.Key, t.Trigger, due[t]))];
    }

    private DateTimeOffset? BeforeDue(TimerDefinition timer, Dictionary<string, TimeSpan> armed, GuardScope arming, DateTimeOffset now)
    {
        var lead = Duration(timer.Before!, timer.Unit);
        if (timer.Of!.StartsWith(TimerAnchorPrefix, StringComparison.Ordinal))
        {
            return armed.TryGetValue(timer.Of[TimerAnchorPrefix.Length..], out var anchor) && anchor > lead
                ? Add(now, anchor - lead, timer.BusinessTime)
                : null;
        }

        return GuardFieldPath.TryParse(timer.Of, out var path)
            && arming.Read(path) is JsonValue value
            && value.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at - lead
                : null;
    }

    private static bool Guarded(TimerDefinition timer, GuardScope arming) => timer.Guard is null || GuardEvaluator.Holds(timer.Guard, arming);

    private PausedTimer Hold(CaseTimer timer, DateTimeOffset now)
    {
        var business = Find(timer.Key)!.BusinessTime;
        var remaining = business ? calendar.BusinessTimeBetween(now, timer.DueAt) : timer.DueAt - now;
        return new PausedTimer(timer.Key, timer.Trigger, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, business);
    }

    private DateTimeOffset Add(DateTimeOffset start, TimeSpan duration, bool businessTime) =>
        businessTime ? calendar.AddBusinessTime(start, duration) : start + duration;

    private TimeSpan Duration(string text, DurationUnit? unit)
    {
        if (!DurationExpression.TryParse(text, out var expression, out var error))
        {
            throw new InvalidOperationException($"Timer duration {error}; validate definitions before use.");
        }

        return expression.ParameterName is null ? expression.Literal : parameters.GetDuration(expression.ParameterName, unit);
    }

    private TimerDefinition? Find(string key) => definition.Timers.FirstOrDefault(t => t.Key == key);

    private bool WaitsOnConsumer(string state) => definition.States.First(s => s.Key == state).WaitsOnConsumer;
}
