using System.Text.Json.Nodes;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;
using static WeLink.Workflow.Tests.Support.Calendars;
using static WeLink.Workflow.Tests.Support.ComplaintHarness;

namespace WeLink.Workflow.Tests.Engine;

/// <summary>SLA timers of the complaint process; the dealer is open weekdays 09-12 and 13-18, Saturday 10-16.</summary>
public sealed class ComplaintTimerTests
{
    private static readonly DateTimeOffset Received = At(2026, 11, 25, 10);

    private static TransitionAccepted Start(JsonObject data, ResolvedParameters? parameters = null) =>
        TransitionEvaluator.Start(Definition, parameters ?? Defaults, Calendar, new StartRequest(CaseId, Consumer, data, "submit-1", Received));

    private static Dictionary<string, DateTimeOffset> Due(IEnumerable<CaseTimer> timers) => timers.ToDictionary(t => t.Key, t => t.DueAt);

    /// <summary>The timers a normal complaint received on Wednesday 10:00 has running once staff took it on.</summary>
    private static readonly CaseTimer[] ResolutionTimers =
    [
        new("resolution_breach", "resolution_overdue", At(2026, 12, 5, 13)),
        new("resolution_reminder", "resolution_reminder", At(2026, 12, 5, 11)),
    ];

    [Fact]
    public void A_new_complaint_gets_a_24_business_hour_first_response_and_a_72_business_hour_resolution_deadline_with_reminders()
    {
        var started = Start(new JsonObject { ["severity"] = "normal" });

        // Wednesday 10-12 and 13-18, Thursday and Friday 8 h each, then Saturday's first hour.
        Assert.Equal(
            new Dictionary<string, DateTimeOffset>
            {
                ["first_response_breach"] = At(2026, 11, 28, 11),
                ["first_response_reminder"] = At(2026, 11, 27, 17),
                ["resolution_breach"] = At(2026, 12, 5, 13),
                ["resolution_reminder"] = At(2026, 12, 5, 11),
            },
            Due(started.TimersToSchedule));
        Assert.Equal("first_response_overdue", started.TimersToSchedule[0].Trigger);
        Assert.Empty(started.TimersToCancel);
        Assert.Null(started.Pause);
    }

    [Fact]
    public void A_high_severity_complaint_must_be_answered_within_4_business_hours()
    {
        var started = Start(new JsonObject { ["severity"] = "high" });

        // The lunch break 12-13 does not count: the breach is at 15:00, and two business hours before it is the end of the morning.
        var due = Due(started.TimersToSchedule);
        Assert.Equal(At(2026, 11, 25, 15), due["first_response_breach_high"]);
        Assert.Equal(At(2026, 11, 25, 12), due["first_response_reminder_high"]);
        Assert.DoesNotContain("first_response_breach", due.Keys);
        Assert.DoesNotContain("first_response_reminder", due.Keys);
    }

    [Fact]
    public void A_reminder_that_would_come_before_its_deadline_was_set_is_not_scheduled()
    {
        var earlyReminders = BrandParameters(new Dictionary<string, BrandParameterSetting> { ["sla_reminder_hours"] = new(5) });

        var due = Due(Start(new JsonObject { ["severity"] = "high" }, earlyReminders).TimersToSchedule);

        Assert.Contains("first_response_breach_high", due.Keys);
        Assert.DoesNotContain("first_response_reminder_high", due.Keys);
    }

    [Fact]
    public void Brand_parameters_move_the_deadlines()
    {
        var faster = BrandParameters(new Dictionary<string, BrandParameterSetting> { ["first_response_hours"] = new(8), ["resolution_hours"] = new(16) });

        var due = Due(Start(new JsonObject(), faster).TimersToSchedule);

        Assert.Equal(At(2026, 11, 26, 10), due["first_response_breach"]);
        Assert.Equal(At(2026, 11, 27, 10), due["resolution_breach"]);
    }

    [Fact]
    public void Starting_a_case_sends_the_receipt_with_keys_of_version_1()
    {
        var started = Start(new JsonObject { ["severity"] = "normal" });

        Assert.Equal("received", started.To);
        Assert.Null(started.From);
        Assert.Equal(1, started.Sequence);
        Assert.Equal(
            [new OutboxAction("send_receipt", $"{CaseId:N}:1:send_receipt"), new OutboxAction("assign_service_advisor", $"{CaseId:N}:1:assign_service_advisor")],
            started.Actions);
    }

    [Fact]
    public void Acknowledging_cancels_the_first_response_timers_and_keeps_the_resolution_timers()
    {
        var running = Start(new JsonObject()).TimersToSchedule;

        var accepted = Accepted(Fire(Case("received", timers: running), "acknowledge", Advisor, now: At(2026, 11, 25, 11)));

        Assert.Equal(["first_response_breach", "first_response_reminder"], accepted.TimersToCancel);
        Assert.Empty(accepted.TimersToSchedule);
    }

    [Fact]
    public void A_first_response_breach_escalates_to_the_service_manager_and_keeps_the_resolution_clock()
    {
        var running = Start(new JsonObject()).TimersToSchedule;

        var accepted = Accepted(Fire(Case("received", timers: running), "first_response_overdue", Actor.System, now: At(2026, 11, 26, 10)));

        Assert.Equal("escalated", accepted.To);
        Assert.Equal(["first_response_breach", "first_response_reminder"], accepted.TimersToCancel);
        Assert.Empty(accepted.TimersToSchedule);
        Assert.Equal("escalate_first_response", Assert.Single(accepted.Actions).Action);
    }

    [Fact]
    public void A_resolution_breach_escalates_to_the_general_manager_without_touching_timers()
    {
        var accepted = Accepted(Fire(Case("in_progress", timers: ResolutionTimers), "resolution_overdue", Actor.System, now: At(2026, 12, 5, 13)));

        Assert.Equal("in_progress", accepted.To);
        Assert.Empty(accepted.TimersToCancel);
        Assert.Empty(accepted.TimersToSchedule);
        Assert.Equal("escalate_to_general_manager", Assert.Single(accepted.Actions).Action);
    }

    [Fact]
    public void Asking_the_consumer_for_information_holds_the_resolution_clock_with_its_remaining_business_time()
    {
        var asked = At(2026, 11, 26, 10);

        var accepted = Accepted(Fire(Case("in_progress", timers: ResolutionTimers), "request_info", Advisor, new JsonObject { ["question"] = "VIN?" }, asked));

        Assert.Equal(["resolution_breach", "resolution_reminder"], accepted.TimersToCancel);
        Assert.Equal([new CaseTimer("consumer_info_wait", "consumer_info_timeout", At(2026, 11, 29, 10))], accepted.TimersToSchedule);
        Assert.Equal(asked, accepted.Pause!.Since);
        Assert.Equal(
            [new PausedTimer("resolution_breach", "resolution_overdue", TimeSpan.FromHours(64), true), new PausedTimer("resolution_reminder", "resolution_reminder", TimeSpan.FromHours(62), true)],
            accepted.Pause.Timers);
    }

    [Fact]
    public void The_consumers_answer_resumes_the_resolution_clock_where_it_stopped()
    {
        var asked = At(2026, 11, 26, 10);
        var answered = At(2026, 11, 30, 15);
        var waiting = Accepted(Fire(Case("in_progress", timers: ResolutionTimers), "request_info", Advisor, new JsonObject { ["question"] = "VIN?" }, asked));

        var accepted = Accepted(Fire(
            Case("awaiting_consumer_info", timers: waiting.TimersToSchedule, pause: waiting.Pause),
            "provide_info",
            Consumer,
            new JsonObject { ["answer"] = "LSV123" },
            answered));

        Assert.Equal(["consumer_info_wait"], accepted.TimersToCancel);
        Assert.Equal(
            [new CaseTimer("resolution_breach", "resolution_overdue", At(2026, 12, 9, 17)), new CaseTimer("resolution_reminder", "resolution_reminder", At(2026, 12, 9, 15))],
            accepted.TimersToSchedule);
        Assert.Null(accepted.Pause);
        Assert.Equal(
            TimeSpan.FromHours(72),
            Calendar.BusinessTimeBetween(Received, asked) + Calendar.BusinessTimeBetween(answered, accepted.TimersToSchedule[0].DueAt));
    }

    [Fact]
    public void When_the_consumer_never_answers_the_wait_times_out_and_the_clock_resumes()
    {
        var pause = new TimerPause(At(2026, 11, 26, 10), [new PausedTimer("resolution_breach", "resolution_overdue", TimeSpan.FromHours(1), true)]);

        var accepted = Accepted(Fire(Case("awaiting_consumer_info", pause: pause), "consumer_info_timeout", Actor.System, now: At(2026, 11, 29, 10)));

        Assert.Equal("in_progress", accepted.To);
        Assert.Equal([new CaseTimer("resolution_breach", "resolution_overdue", At(2026, 11, 30, 10))], accepted.TimersToSchedule);
    }

    [Fact]
    public void A_reminder_changes_no_timer_and_keeps_a_pause()
    {
        var pause = new TimerPause(At(2026, 11, 26, 10), []);

        var accepted = Accepted(Fire(Case("awaiting_consumer_info", pause: pause), "resolution_reminder", Actor.System));

        Assert.Empty(accepted.TimersToCancel);
        Assert.Empty(accepted.TimersToSchedule);
        Assert.Same(pause, accepted.Pause);
    }

    [Fact]
    public void Resolving_stops_the_resolution_clock_and_opens_the_survey_window()
    {
        var resolvedAt = At(2026, 11, 27, 16);

        var accepted = Accepted(Fire(Case("in_progress", StepsDone(), ResolutionTimers), "resolve", Advisor, new JsonObject { ["resolution"] = "fixed" }, resolvedAt));

        Assert.Equal(["resolution_breach", "resolution_reminder"], accepted.TimersToCancel);
        Assert.Equal([new CaseTimer("survey_window", "survey_window_elapsed", resolvedAt.AddDays(7))], accepted.TimersToSchedule);
        Assert.Equal(["notify_consumer_status", "send_survey"], accepted.Actions.Select(a => a.Action));
    }

    [Fact]
    public void A_reopened_complaint_must_be_followed_up_within_48_business_hours()
    {
        var survey = new CaseTimer("survey_window", "survey_window_elapsed", At(2026, 12, 4, 16));

        var accepted = Accepted(Fire(Case("resolved", timers: [survey]), "survey_answered", Consumer, new JsonObject { ["satisfaction"] = 1, ["recommend"] = 3 }, At(2026, 11, 30, 17)));

        Assert.Equal(["survey_window"], accepted.TimersToCancel);
        Assert.Equal([new CaseTimer("follow_up_breach", "follow_up_overdue", At(2026, 12, 8, 10))], accepted.TimersToSchedule);
    }

    [Fact]
    public void Closing_cancels_every_running_timer()
    {
        var running = Start(new JsonObject()).TimersToSchedule;

        var accepted = Accepted(Fire(Case("received", timers: running), "close_by_hq", Hq, new JsonObject { ["reason"] = "duplicate" }));

        Assert.Equal(running.Select(t => t.Key), accepted.TimersToCancel);
        Assert.Empty(accepted.TimersToSchedule);
    }
}
