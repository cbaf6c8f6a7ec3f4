using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;
using WeLink.Workflow.Tests.Support;

namespace WeLink.Workflow.Tests.Engine;

/// <summary>Engine rules on a small booking process: two waiting states in a row, wall-clock timers, reminders before a slot.</summary>
public sealed class TransitionEvaluatorTests
{
    private static readonly Guid CaseId = Guid.Parse("00000000-0000-0000-0000-00000000b00c");

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly WorkflowDefinition Booking = new()
    {
        Key = "booking",
        Version = 2,
        Title = "Booking",
        InitialState = "requested",
        Actions = ["notify"],
        States =
        [
            new StateDefinition { Key = "requested" },
            new StateDefinition { Key = "waiting_docs", WaitsOnConsumer = true },
            new StateDefinition { Key = "waiting_payment", WaitsOnConsumer = true },
            new StateDefinition { Key = "confirmed" },
            new StateDefinition { Key = "done", Terminal = true, OnEnter = ["notify"] },
        ],
        Transitions =
        [
            new TransitionDefinition { Trigger = "ask_docs", From = ["requested"], To = "waiting_docs", Actors = ["staff"] },
            new TransitionDefinition { Trigger = "docs_in", From = ["waiting_docs"], To = "waiting_payment", Actors = ["consumer"] },
            new TransitionDefinition
            {
                Trigger = "paid", From = ["waiting_payment"], To = "confirmed", Actors = ["consumer"],
                Input = [new InputFieldDefinition { Name = "slotStart", Type = InputFieldType.Text, MaxLength = 40 }, new InputFieldDefinition { Name = "amount", Type = InputFieldType.WholeNumber }],
            },
            new TransitionDefinition
            {
                Trigger = "confirm", From = ["requested"], To = "confirmed", Actors = ["staff"], Guard = new GuardCondition { Field = "data.amount", Op = GuardOperator.Lte, Value = 100 },
                Input = [new InputFieldDefinition { Name = "amount", Type = InputFieldType.WholeNumber }],
            },
            new TransitionDefinition { Trigger = "expire", From = ["requested", "waiting_docs", "waiting_payment", "confirmed"], To = "done", Actors = ["system"] },
            new TransitionDefinition { Trigger = "nudge", From = ["waiting_docs"], Actors = ["system"] },
            new TransitionDefinition { Trigger = "remind", From = ["confirmed"], Actors = ["system"] },
            new TransitionDefinition { Trigger = "complete", From = ["confirmed"], To = "done", Actors = ["staff"], Actions = ["notify"] },
        ],
        Timers =
        [
            new TimerDefinition { Key = "deadline", States = ["requested", "waiting_docs", "waiting_payment", "confirmed"], Trigger = "expire", After = "PT10H" },
            new TimerDefinition { Key = "nudge", States = ["waiting_docs"], Trigger = "nudge", After = "01:00:00" },
            new TimerDefinition { Key = "reminder_24h", States = ["confirmed"], Trigger = "remind", Before = "P1D", Of = "input.slotStart" },
            new TimerDefinition { Key = "reminder_2h", States = ["confirmed"], Trigger = "remind", Before = "PT2H", Of = "input.slotStart" },
        ],
    };

    private static readonly ResolvedParameters NoParameters =
        ParameterResolver.Resolve(Booking, new Dictionary<string, BrandParameterSetting>(), new Dictionary<string, JsonNode?>()).Parameters!;

    private static CaseSnapshot Case(string state, IReadOnlyList<CaseTimer>? timers = null, TimerPause? pause = null, JsonObject? data = null) =>
        new(CaseId, state, data ?? new JsonObject { ["amount"] = 50 }, 7, null, timers ?? [], pause);

    private static TransitionOutcome Fire(CaseSnapshot snapshot, string trigger, Actor actor, DateTimeOffset now, JsonObject? input = null) =>
        TransitionEvaluator.Evaluate(Booking, NoParameters, Calendars.Shanghai(), snapshot, new FireRequest(trigger, actor, input ?? [], "k", now));

    private static readonly Actor Staff = Actor.Staff("s1", "complaint_handler");

    private static readonly Actor Consumer = Actor.Consumer("o1");

    [Fact]
    public void The_booking_sample_is_a_valid_definition()
    {
        Assert.Empty(DefinitionValidator.Validate(Booking, Catalog.Actions, Catalog.Roles));
    }

    [Fact]
    public void A_wall_clock_timer_is_held_with_its_remaining_wall_time_and_the_waiting_states_own_timer_runs()
    {
        var deadline = new CaseTimer("deadline", "expire", Now.AddHours(10));

        var accepted = ComplaintHarness.Accepted(Fire(Case("requested", [deadline]), "ask_docs", Staff, Now.AddHours(4)));

        Assert.Equal(["deadline"], accepted.TimersToCancel);
        Assert.Equal([new CaseTimer("nudge", "nudge", Now.AddHours(5))], accepted.TimersToSchedule);
        Assert.Equal(Now.AddHours(4), accepted.Pause!.Since);
        Assert.Equal([new PausedTimer("deadline", "expire", TimeSpan.FromHours(6), false)], accepted.Pause.Timers);
    }

    [Fact]
    public void Moving_from_one_waiting_state_to_another_keeps_the_pause_and_its_start()
    {
        var pause = new TimerPause(Now, [new PausedTimer("deadline", "expire", TimeSpan.FromHours(6), false)]);

        var accepted = ComplaintHarness.Accepted(Fire(Case("waiting_docs", [new CaseTimer("nudge", "nudge", Now.AddHours(1))], pause), "docs_in", Consumer, Now.AddDays(2)));

        Assert.Equal(["nudge"], accepted.TimersToCancel);
        Assert.Empty(accepted.TimersToSchedule);
        Assert.Equal(Now, accepted.Pause!.Since);
        Assert.Equal(pause.Timers, accepted.Pause.Timers);
    }

    [Fact]
    public void Leaving_the_waiting_states_resumes_held_timers_from_the_moment_of_leaving()
    {
        var pause = new TimerPause(Now, [new PausedTimer("deadline", "expire", TimeSpan.FromHours(6), false)]);
        var paidAt = Now.AddDays(3);

        var accepted = ComplaintHarness.Accepted(Fire(Case("waiting_payment", pause: pause), "paid", Consumer, paidAt));

        Assert.Equal([new CaseTimer("deadline", "expire", paidAt.AddHours(6))], accepted.TimersToSchedule);
        Assert.Null(accepted.Pause);
    }

    [Fact]
    public void A_timer_already_overdue_when_held_resumes_due_at_once()
    {
        var overdue = new CaseTimer("deadline", "expire", Now.AddHours(-1));

        var accepted = ComplaintHarness.Accepted(Fire(Case("requested", [overdue]), "ask_docs", Staff, Now));

        Assert.Equal(TimeSpan.Zero, Assert.Single(accepted.Pause!.Timers).Remaining);
    }

    [Fact]
    public void A_held_timer_whose_states_the_case_leaves_is_dropped()
    {
        var pause = new TimerPause(Now, [new PausedTimer("deadline", "expire", TimeSpan.FromHours(6), false)]);

        var accepted = ComplaintHarness.Accepted(Fire(Case("waiting_docs", pause: pause), "expire", Actor.System, Now));

        Assert.Equal("done", accepted.To);
        Assert.Empty(accepted.TimersToSchedule);
        Assert.Null(accepted.Pause);
    }

    [Fact]
    public void A_case_started_in_a_waiting_state_is_paused_from_its_start()
    {
        var waitingFirst = Booking with { InitialState = "waiting_docs" };

        var started = TransitionEvaluator.Start(waitingFirst, NoParameters, Calendars.Shanghai(), new StartRequest(CaseId, Consumer, [], "s", Now));

        Assert.Equal(Now, started.Pause!.Since);
        Assert.Empty(started.Pause.Timers);
        Assert.Equal(["deadline", "nudge"], started.TimersToSchedule.Select(t => t.Key));
    }

    [Fact]
    public void Reminders_before_a_slot_a_step_gave_are_due_that_long_before_it()
    {
        var slot = Now.AddDays(3);

        var accepted = ComplaintHarness.Accepted(Fire(Case("waiting_payment"), "paid", Consumer, Now, new JsonObject { ["slotStart"] = slot.ToString("o") }));

        Assert.Equal(
            [new CaseTimer("reminder_24h", "remind", slot.AddDays(-1)), new CaseTimer("reminder_2h", "remind", slot.AddHours(-2))],
            accepted.TimersToSchedule);
    }

    [Fact]
    public void A_reminder_whose_time_has_passed_is_not_scheduled()
    {
        var slot = Now.AddHours(3);

        var accepted = ComplaintHarness.Accepted(Fire(Case("waiting_payment"), "paid", Consumer, Now, new JsonObject { ["slotStart"] = slot.ToString("o") }));

        Assert.Equal(["reminder_2h"], accepted.TimersToSchedule.Select(t => t.Key).Where(k => k.StartsWith("reminder", StringComparison.Ordinal)));
    }

    [Fact]
    public void Reminders_need_a_readable_date_in_the_input()
    {
        var accepted = ComplaintHarness.Accepted(Fire(Case("waiting_payment"), "paid", Consumer, Now, new JsonObject { ["slotStart"] = "tomorrow" }));

        Assert.DoesNotContain(accepted.TimersToSchedule, t => t.Key.StartsWith("reminder", StringComparison.Ordinal));
    }

    [Fact]
    public void Input_never_overwrites_the_case_data_and_is_kept_as_the_latest_input()
    {
        var snapshot = Case("waiting_payment", data: new JsonObject { ["amount"] = 50, ["model"] = "X5" });

        var accepted = ComplaintHarness.Accepted(Fire(snapshot, "paid", Consumer, Now, new JsonObject { ["amount"] = 80, ["slotStart"] = null }));

        Assert.Equal("""{"amount":50,"model":"X5"}""", accepted.Data.ToJsonString());
        Assert.Equal("""{"amount":80,"slotStart":null}""", accepted.Latest.ToJsonString());
        Assert.Equal("""{"amount":50,"model":"X5"}""", snapshot.Data.ToJsonString());
        Assert.Equal(8, accepted.Sequence);
    }

    [Fact]
    public void An_action_named_by_the_transition_and_the_entered_state_is_enqueued_once_with_a_deterministic_key()
    {
        var first = ComplaintHarness.Accepted(Fire(Case("confirmed"), "complete", Staff, Now));
        var retry = ComplaintHarness.Accepted(Fire(Case("confirmed"), "complete", Staff, Now.AddMinutes(5)));

        Assert.Equal([new OutboxAction("notify", "0000000000000000000000000000b00c:8:notify")], first.Actions);
        Assert.Equal(first.Actions, retry.Actions);
    }

    [Fact]
    public void A_false_guard_refuses_the_transition()
    {
        var refused = ComplaintHarness.Refused(Fire(Case("requested", data: new JsonObject { ["amount"] = 150 }), "confirm", Staff, Now));

        Assert.Equal(RefusalReason.GuardFalse, refused.Reason);
        Assert.Equal("The conditions for 'confirm' in state 'requested' are not met.", refused.Message);
    }

    [Fact]
    public void Guards_read_the_case_data_as_it_was_before_the_input()
    {
        var refused = ComplaintHarness.Refused(Fire(Case("requested", data: new JsonObject { ["amount"] = 150 }), "confirm", Staff, Now, new JsonObject { ["amount"] = 10 }));

        Assert.Equal(RefusalReason.GuardFalse, refused.Reason);
    }

    [Fact]
    public void Parameters_resolved_for_another_definition_version_are_refused()
    {
        var other = ParameterResolver.Resolve(Booking with { Version = 1 }, new Dictionary<string, BrandParameterSetting>(), new Dictionary<string, JsonNode?>()).Parameters!;

        Assert.Throws<ArgumentException>(() => TransitionEvaluator.Evaluate(Booking, other, Calendars.Shanghai(), Case("requested"), new FireRequest("confirm", Staff, [], "k", Now)));
    }

    [Fact]
    public void A_case_in_a_state_the_definition_does_not_know_is_an_error_not_a_refusal()
    {
        Assert.Throws<InvalidOperationException>(() => Fire(Case("archived"), "confirm", Staff, Now));
    }
}
