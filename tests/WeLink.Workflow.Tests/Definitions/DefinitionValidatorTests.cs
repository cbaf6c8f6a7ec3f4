using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Tests.Support;

namespace WeLink.Workflow.Tests.Definitions;

public sealed class DefinitionValidatorTests
{
    private static readonly WorkflowDefinition Minimal = SampleDefinitions.Minimal();

    private static IReadOnlyList<DefinitionProblem> Validate(WorkflowDefinition definition) =>
        DefinitionValidator.Validate(definition, Catalog.Actions, Catalog.Roles);

    private static void AssertOnlyProblem(WorkflowDefinition definition, string path, string messagePart)
    {
        var problem = Assert.Single(Validate(definition));
        Assert.Equal(path, problem.Path);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
    }

    private static TransitionDefinition Approve => Minimal.Transitions[0];

    private static TimerDefinition Expiry => Minimal.Timers[0];

    [Fact]
    public void The_example_process_is_valid()
    {
        Assert.Empty(Validate(SampleDefinitions.Example()));
    }

    [Fact]
    public void The_minimal_sample_is_valid()
    {
        Assert.Empty(Validate(Minimal));
    }

    [Fact]
    public void A_missing_initial_state_is_reported()
    {
        AssertOnlyProblem(Minimal with { InitialState = null }, "initialState", "is missing");
    }

    [Fact]
    public void An_initial_state_that_is_not_declared_is_reported()
    {
        AssertOnlyProblem(Minimal with { InitialState = "draft" }, "initialState", "unknown state 'draft'");
    }

    [Fact]
    public void A_transition_to_an_unknown_state_is_reported()
    {
        var definition = Minimal with { Transitions = [Approve with { To = "approved" }, Minimal.Transitions[1]] };

        AssertOnlyProblem(definition, "transitions[0].to", "unknown state 'approved'");
    }

    [Fact]
    public void A_transition_from_an_unknown_state_is_reported()
    {
        var definition = Minimal with { Transitions = [Approve with { From = ["open", "pending"] }, Minimal.Transitions[1]] };

        AssertOnlyProblem(definition, "transitions[0].from[1]", "unknown state 'pending'");
    }

    [Fact]
    public void A_transition_out_of_a_terminal_state_is_reported()
    {
        var reopen = new TransitionDefinition { Trigger = "reopen", From = ["done"], To = "open", Actors = ["consumer"] };

        AssertOnlyProblem(Minimal with { Transitions = [.. Minimal.Transitions, reopen] }, "transitions[2].from[0]", "'done' is terminal");
    }

    [Fact]
    public void A_state_no_transition_reaches_is_reported()
    {
        var orphan = new StateDefinition { Key = "archived", Terminal = true };

        AssertOnlyProblem(Minimal with { States = [.. Minimal.States, orphan] }, "states[2]", "'archived' is unreachable from the initial state 'open'");
    }

    [Fact]
    public void A_non_terminal_state_nothing_leaves_is_a_dead_end()
    {
        var parked = new StateDefinition { Key = "parked" };
        var park = new TransitionDefinition { Trigger = "park", From = ["open"], To = "parked", Actors = ["staff"] };
        var note = new TransitionDefinition { Trigger = "note", From = ["parked"], Actors = ["staff"] };

        var definition = Minimal with { States = [.. Minimal.States, parked], Transitions = [.. Minimal.Transitions, park, note] };

        AssertOnlyProblem(definition, "states[2]", "'parked' is not terminal but no transition leaves it");
    }

    [Fact]
    public void An_action_the_definition_does_not_declare_is_reported_where_it_is_used()
    {
        var definition = Minimal with { Transitions = [Approve with { Actions = ["notify", "award_points"] }, Minimal.Transitions[1]] };

        AssertOnlyProblem(definition, "transitions[0].actions[1]", "unknown action 'award_points'");
    }

    [Fact]
    public void An_entry_action_the_definition_does_not_declare_is_reported()
    {
        var definition = Minimal with { States = [Minimal.States[0] with { OnEnter = ["page_manager"] }, Minimal.States[1]] };

        AssertOnlyProblem(definition, "states[0].onEnter[0]", "unknown action 'page_manager'");
    }

    [Fact]
    public void A_declared_action_without_a_registered_handler_is_reported()
    {
        AssertOnlyProblem(Minimal with { Actions = ["notify", "launch_rocket"] }, "actions[1]", "no handler is registered for action 'launch_rocket'");
    }

    [Fact]
    public void An_unknown_staff_role_is_reported()
    {
        var definition = Minimal with { Transitions = [Approve with { Actors = ["staff:janitor"] }, Minimal.Transitions[1]] };

        AssertOnlyProblem(definition, "transitions[0].actors[0]", "unknown staff role 'janitor'");
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("staff:")]
    [InlineData("Consumer")]
    public void An_unknown_actor_kind_is_reported(string actor)
    {
        var definition = Minimal with { Transitions = [Approve with { Actors = [actor] }, Minimal.Transitions[1]] };

        AssertOnlyProblem(definition, "transitions[0].actors[0]", $"unknown actor '{actor}'");
    }

    [Fact]
    public void A_transition_nobody_may_fire_is_reported()
    {
        var definition = Minimal with { Transitions = [Approve with { Actors = [] }, Minimal.Transitions[1]] };

        AssertOnlyProblem(definition, "transitions[0].actors", "names no actor");
    }

    [Fact]
    public void A_transition_hidden_behind_an_unguarded_one_on_the_same_trigger_is_reported()
    {
        var anyStaff = Approve with { Actors = ["staff"] };
        var hidden = Approve with { Guard = new GuardCondition { Field = "input.ok", Op = GuardOperator.Exists } };

        AssertOnlyProblem(Minimal with { Transitions = [anyStaff, hidden, Minimal.Transitions[1]] }, "transitions[1]", "never fires from 'open': transitions[0] on 'approve' has no guard");
    }

    [Fact]
    public void A_guarded_transition_before_an_unguarded_fallback_is_fine()
    {
        var guarded = Approve with { Guard = new GuardCondition { Field = "input.ok", Op = GuardOperator.Exists }, To = "open" };

        Assert.Empty(Validate(Minimal with { Transitions = [guarded, Approve, Minimal.Transitions[1]] }));
    }

    [Fact]
    public void Duplicate_state_keys_are_reported_at_the_second_one()
    {
        var definition = Minimal with { States = [.. Minimal.States, new StateDefinition { Key = "open" }] };

        AssertOnlyProblem(definition, "states[2].key", "duplicate state key 'open' (first at states[0])");
    }

    [Fact]
    public void Duplicate_timer_keys_and_parameter_names_are_reported()
    {
        var definition = Minimal with
        {
            Timers = [Expiry, Expiry],
            Parameters = [Minimal.Parameters[0], Minimal.Parameters[0]],
        };

        var problems = Validate(definition);

        Assert.Contains(new DefinitionProblem("timers[1].key", "duplicate timer key 'expiry' (first at timers[0])"), problems);
        Assert.Contains(new DefinitionProblem("parameters[1].name", "duplicate parameter name 'wait_hours' (first at parameters[0])"), problems);
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void A_timer_whose_trigger_has_no_transition_from_its_state_is_reported()
    {
        AssertOnlyProblem(Minimal with { Timers = [Expiry with { Trigger = "approve" }] }, "timers[0].trigger", "no transition on 'approve' from state 'open' allows the system actor");
    }

    [Fact]
    public void A_timer_in_an_unknown_state_is_reported()
    {
        AssertOnlyProblem(Minimal with { Timers = [Expiry with { States = ["closed"] }] }, "timers[0].states[0]", "unknown state 'closed'");
    }

    [Fact]
    public void A_timer_referencing_an_undeclared_parameter_is_reported()
    {
        AssertOnlyProblem(Minimal with { Timers = [Expiry with { After = "param:wait_days" }] }, "timers[0].after", "undeclared parameter 'wait_days'");
    }

    [Fact]
    public void A_numeric_parameter_used_as_a_duration_needs_a_unit()
    {
        AssertOnlyProblem(Minimal with { Timers = [Expiry with { Unit = null }] }, "timers[0].unit", "needs a unit");
    }

    [Fact]
    public void A_literal_duration_takes_no_unit()
    {
        AssertOnlyProblem(Minimal with { Timers = [Expiry with { After = "PT4H" }] }, "timers[0].unit", "takes no unit");
    }

    [Fact]
    public void An_unreadable_duration_is_reported()
    {
        AssertOnlyProblem(Minimal with { Timers = [Expiry with { After = "four hours", Unit = null }] }, "timers[0].after", "'four hours' is neither");
    }

    [Fact]
    public void A_timer_with_both_after_and_before_is_reported()
    {
        AssertOnlyProblem(Minimal with { Timers = [Expiry with { Before = "PT1H" }] }, "timers[0]", "exactly one of after, before");
    }

    [Fact]
    public void A_before_timer_needs_a_known_anchor()
    {
        var reminder = new TimerDefinition { Key = "reminder", States = ["open"], Trigger = "expire", Before = "PT1H", Of = "timer:deadline" };

        AssertOnlyProblem(Minimal with { Timers = [Expiry, reminder] }, "timers[1].of", "unknown timer 'deadline'");
    }

    [Fact]
    public void A_before_timer_anchored_on_a_timer_of_other_states_is_reported()
    {
        var reminder = new TimerDefinition { Key = "reminder", States = ["open"], Trigger = "expire", Before = "PT1H", Of = "timer:expiry", BusinessTime = true };

        var problems = Validate(Minimal with { UsesBusinessHours = true, Timers = [Expiry, reminder] });

        Assert.Equal("timers[1].of", Assert.Single(problems).Path);
    }

    [Fact]
    public void A_before_timer_anchored_on_a_date_in_the_case_data_is_valid_on_the_wall_clock_only()
    {
        var reminder = new TimerDefinition { Key = "reminder", States = ["open"], Trigger = "expire", Before = "PT2H", Of = "data.slotStart" };

        Assert.Empty(Validate(Minimal with { Timers = [Expiry, reminder] }));
        AssertOnlyProblem(Minimal with { UsesBusinessHours = true, Timers = [Expiry, reminder with { BusinessTime = true }] }, "timers[1].businessTime", "wall clock");
    }

    [Fact]
    public void A_business_time_timer_needs_the_definition_to_declare_business_hours()
    {
        AssertOnlyProblem(Minimal with { Timers = [Expiry with { BusinessTime = true }] }, "timers[0].businessTime", "usesBusinessHours");
    }

    [Fact]
    public void A_default_outside_the_bounds_is_reported()
    {
        var definition = Minimal with { Parameters = [Minimal.Parameters[0] with { Default = 9 }] };

        AssertOnlyProblem(definition, "parameters[0].default", "9 is outside [1, 8]");
    }

    [Fact]
    public void A_default_of_the_wrong_type_is_reported()
    {
        var definition = Minimal with { Parameters = [Minimal.Parameters[0] with { Default = 2.5m }] };

        AssertOnlyProblem(definition, "parameters[0].default", "expected a whole number, found 2.5");
    }

    [Fact]
    public void A_missing_default_is_reported()
    {
        AssertOnlyProblem(Minimal with { Parameters = [Minimal.Parameters[0] with { Default = null }] }, "parameters[0].default", "is missing");
    }

    [Fact]
    public void A_minimum_above_the_maximum_is_reported()
    {
        var definition = Minimal with { Parameters = [Minimal.Parameters[0] with { Min = 6, Max = 5, Default = 5 }] };

        AssertOnlyProblem(definition, "parameters[0].min", "min 6 is above max 5");
    }

    [Fact]
    public void Duration_parameters_are_bounded_as_durations()
    {
        var parameter = new ParameterDefinition { Name = "grace", Type = ParameterType.Duration, Default = "PT3H", Min = "PT1H", Max = "02:00:00" };

        AssertOnlyProblem(Minimal with { Parameters = [.. Minimal.Parameters, parameter] }, "parameters[1].default", "\"PT3H\" is outside");
    }

    [Fact]
    public void A_guard_on_an_undeclared_parameter_is_reported()
    {
        var guard = new GuardCondition { Field = "input.points", Op = GuardOperator.Gt, Param = "limit" };
        var definition = Minimal with { Transitions = [Approve with { Guard = guard }, Minimal.Transitions[1]] };

        AssertOnlyProblem(definition, "transitions[0].guard.param", "undeclared parameter 'limit'");
    }

    [Fact]
    public void Nested_guard_problems_are_reported_with_their_full_path()
    {
        var guard = new GuardCondition
        {
            All =
            [
                new GuardCondition { Field = "input.score", Op = GuardOperator.Lte, Value = 2 },
                new GuardCondition { Any = [new GuardCondition { Field = "score", Op = GuardOperator.Eq, Value = 1 }] },
                new GuardCondition { Field = "data.tier", Op = GuardOperator.In, Value = "gold" },
                new GuardCondition { Field = "data.tier", Op = GuardOperator.Exists, Value = true },
                new GuardCondition { Field = "data.tier", Op = GuardOperator.Eq },
                new GuardCondition { Field = "data.tier", Not = new GuardCondition { Field = "data.x", Op = GuardOperator.Exists } },
            ],
        };
        var definition = Minimal with { Transitions = [Approve with { Guard = guard }, Minimal.Transitions[1]] };

        Assert.Equal(
            ["transitions[0].guard.all[1].any[0].field", "transitions[0].guard.all[2].value", "transitions[0].guard.all[3]", "transitions[0].guard.all[4]", "transitions[0].guard.all[5]"],
            Validate(definition).Select(p => p.Path));
    }

    [Fact]
    public void A_definition_with_several_problems_reports_every_one_of_them()
    {
        var definition = Minimal with
        {
            InitialState = null,
            Actions = ["notify", "launch_rocket"],
            States = [.. Minimal.States, new StateDefinition { Key = "open" }],
            Transitions =
            [
                Approve with { To = "approved", Actors = ["staff:janitor", "robot"], Actions = ["award_points"] },
                Minimal.Transitions[1],
                new TransitionDefinition { Trigger = "reopen", From = ["done"], To = "open", Actors = ["consumer"] },
            ],
            Timers = [Expiry with { After = "param:wait_days" }],
            Parameters = [Minimal.Parameters[0] with { Default = JsonValue.Create(100) }],
        };

        var paths = Validate(definition).Select(p => p.Path).ToList();

        Assert.Equal(
            [
                "states[2].key", "actions[1]", "initialState", "transitions[0].to", "transitions[0].actors[0]", "transitions[0].actors[1]",
                "transitions[0].actions[0]", "transitions[2].from[0]", "timers[0].after", "parameters[0].default",
            ],
            paths);
    }
}
