using System.Text.Json.Nodes;
using WeLink.Server.Tenancy.Access;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;
using static WeLink.Workflow.Tests.Support.ComplaintHarness;

namespace WeLink.Workflow.Tests.Engine;

/// <summary>Every trigger, by every kind of actor, in every state of the complaint process WeLink ships.</summary>
public sealed class ComplaintStateMachineTests
{
    private const string Stay = "(stays)";

    private static readonly string[] States =
    [
        "received", "in_progress", "escalated", "awaiting_consumer_info", "awaiting_manager_approval", "resolved", "reopened", "closed", "cancelled",
    ];

    private static readonly string[] Open = ["received", "in_progress", "escalated", "awaiting_consumer_info", "awaiting_manager_approval"];

    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["consumer"] = Consumer,
        ["system"] = Actor.System,
        ["hq"] = Hq,
        [$"staff:{StaffRoles.ServiceAdvisor}"] = Advisor,
        [$"staff:{StaffRoles.ServiceManager}"] = ServiceManager,
        [$"staff:{StaffRoles.GeneralManager}"] = GeneralManager,
        [$"staff:{StaffRoles.Consultant}"] = Consultant,
    };

    private const string AdvisorRole = $"staff:{StaffRoles.ServiceAdvisor}";
    private const string ManagerRole = $"staff:{StaffRoles.ServiceManager}";
    private const string GeneralManagerRole = $"staff:{StaffRoles.GeneralManager}";

    /// <summary>The process as domain.md describes it, written out independently of the JSON definition.</summary>
    private static readonly List<(string Trigger, string[] From, string[] Actors, string To)> Allowed =
    [
        ("acknowledge", ["received", "escalated"], [AdvisorRole, ManagerRole], "in_progress"),
        ("cancel", ["received", "escalated"], ["consumer"], "cancelled"),
        ("first_response_overdue", ["received"], ["system"], "escalated"),
        ("first_response_reminder", ["received"], ["system"], Stay),
        ("request_info", ["received", "escalated", "in_progress"], [AdvisorRole, ManagerRole], "awaiting_consumer_info"),
        ("provide_info", ["awaiting_consumer_info"], ["consumer"], "in_progress"),
        ("consumer_info_timeout", ["awaiting_consumer_info"], ["system"], "in_progress"),
        ("listen", ["in_progress", "reopened"], [AdvisorRole, ManagerRole], Stay),
        ("empathize", ["in_progress", "reopened"], [AdvisorRole, ManagerRole], Stay),
        ("apologize", ["in_progress", "reopened"], [AdvisorRole, ManagerRole], Stay),
        ("delight", ["in_progress", "reopened"], [AdvisorRole, ManagerRole], Stay),
        ("offer_remedy", ["in_progress"], [AdvisorRole, ManagerRole], Stay),
        ("approve_remedy", ["awaiting_manager_approval"], [ManagerRole], "in_progress"),
        ("reject_remedy", ["awaiting_manager_approval"], [ManagerRole], "in_progress"),
        ("resolution_reminder", Open, ["system"], Stay),
        ("resolution_overdue", Open, ["system"], Stay),
        ("resolve", ["in_progress"], [AdvisorRole, ManagerRole], "resolved"),
        ("survey_answered", ["resolved"], ["consumer"], "closed"),
        ("survey_window_elapsed", ["resolved"], ["system"], "closed"),
        ("confirm_follow_up", ["reopened"], [ManagerRole, GeneralManagerRole], "closed"),
        ("follow_up_overdue", ["reopened"], ["system"], Stay),
        ("close_by_hq", [.. Open, "resolved", "reopened"], ["hq"], "closed"),
    ];

    /// <summary>The trigger's own fields of <see cref="CompleteInput"/>: any other field would be refused as unknown.</summary>
    private static JsonObject InputFor(string trigger)
    {
        var declared = Definition.Transitions.First(t => t.Trigger == trigger).Input.Select(f => f.Name).ToHashSet();
        return new JsonObject(CompleteInput().Where(p => declared.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
    }

    /// <summary>Input that satisfies every required field (and a good survey, a remedy within the staff limit).</summary>
    private static JsonObject CompleteInput() => new()
    {
        ["question"] = "Which day did it happen?",
        ["answer"] = "Monday",
        ["note"] = "Heard the whole story",
        ["remedyPoints"] = 100,
        ["remedyDescription"] = "Goodwill points",
        ["reason"] = "Duplicate",
        ["resolution"] = "Replaced the part",
        ["recoverySteps"] = "listen, empathize, apologize, delight",
        ["satisfaction"] = 5,
        ["recommend"] = 9,
        ["followUpNote"] = "Called the customer again",
    };

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var state in States)
        {
            foreach (var trigger in Allowed.Select(a => a.Trigger))
            {
                foreach (var actor in Actors.Keys)
                {
                    data.Add(state, trigger, actor);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_trigger_by_each_actor_in_each_state_is_accepted_or_refused_as_the_process_says(string state, string trigger, string actor)
    {
        var rule = Allowed.Single(a => a.Trigger == trigger);

        var outcome = Fire(Case(state, StepsDone()), trigger, Actors[actor], InputFor(trigger));

        if (!rule.From.Contains(state))
        {
            Assert.Equal(RefusalReason.NotAllowedFromState, Refused(outcome).Reason);
        }
        else if (!rule.Actors.Contains(actor))
        {
            Assert.Equal(RefusalReason.ActorNotPermitted, Refused(outcome).Reason);
        }
        else
        {
            var accepted = Accepted(outcome);
            Assert.Equal(state, accepted.From);
            Assert.Equal(rule.To == Stay ? state : rule.To, accepted.To);
        }
    }

    /// <summary>What each trigger needs from its actor; triggers not listed need nothing.</summary>
    private static readonly Dictionary<string, string[]> RequiredInput = new()
    {
        ["request_info"] = ["question"],
        ["provide_info"] = ["answer"],
        ["listen"] = ["note"],
        ["empathize"] = ["note"],
        ["apologize"] = ["note"],
        ["delight"] = ["note"],
        ["offer_remedy"] = ["remedyPoints", "remedyDescription"],
        ["reject_remedy"] = ["reason"],
        ["resolve"] = ["resolution"],
        ["survey_answered"] = ["satisfaction", "recommend"],
        ["confirm_follow_up"] = ["followUpNote"],
        ["close_by_hq"] = ["reason"],
    };

    public static TheoryData<string> Triggers() => [.. Allowed.Select(a => a.Trigger)];

    [Theory]
    [MemberData(nameof(Triggers))]
    public void A_permitted_actor_without_input_is_told_every_field_the_trigger_needs(string trigger)
    {
        var rule = Allowed.Single(a => a.Trigger == trigger);

        var outcome = Fire(Case(rule.From[0], StepsDone()), trigger, Actors[rule.Actors[0]]);

        if (RequiredInput.TryGetValue(trigger, out var fields))
        {
            var refused = Refused(outcome);
            Assert.Equal(RefusalReason.InvalidInput, refused.Reason);
            Assert.Equal(fields.Select(f => $"{f}: is required"), refused.Details);
        }
        else
        {
            Assert.IsType<TransitionAccepted>(outcome);
        }
    }

    [Fact]
    public void The_matrix_covers_every_trigger_of_the_definition()
    {
        Assert.Equal(Definition.Transitions.Select(t => t.Trigger).Distinct().Order(), Allowed.Select(a => a.Trigger).Order());
        Assert.Equal(Definition.States.Select(s => s.Key).Order(), States.Order());
    }

    [Fact]
    public void An_unknown_trigger_is_refused_as_unknown()
    {
        var refused = Refused(Fire(Case("received"), "escalate_to_ceo", Hq));

        Assert.Equal(RefusalReason.UnknownTrigger, refused.Reason);
        Assert.Equal("'complaint' has no trigger 'escalate_to_ceo'.", refused.Message);
    }

    [Fact]
    public void A_refusal_in_a_finished_case_says_the_case_is_finished()
    {
        var refused = Refused(Fire(Case("closed"), "close_by_hq", Hq, new JsonObject { ["reason"] = "x" }));

        Assert.Equal("'close_by_hq' is not allowed in state 'closed' (the case is finished).", refused.Message);
    }

    [Fact]
    public void A_refusal_of_the_actor_names_who_is_allowed()
    {
        var refused = Refused(Fire(Case("in_progress"), "resolve", Consumer, CompleteInput()));

        Assert.Equal("Consumer may not 'resolve' in state 'in_progress'; allowed: staff:service-advisor, staff:service-manager.", refused.Message);
    }

    [Fact]
    public void Missing_required_input_and_a_field_the_step_does_not_take_are_refused_naming_every_field()
    {
        var refused = Refused(Fire(Case("in_progress"), "offer_remedy", Advisor, new JsonObject { ["remedyPoints"] = null, ["remedyDescription"] = "  ", ["resolution"] = "x" }));

        Assert.Equal(RefusalReason.InvalidInput, refused.Reason);
        Assert.Equal(["remedyPoints: is required", "remedyDescription: is required", "resolution: is not an input of this step"], refused.Details);
        Assert.Equal(
            "The input of 'offer_remedy' does not fit: remedyPoints: is required; remedyDescription: is required; resolution: is not an input of this step.",
            refused.Message);
    }

    [Fact]
    public void A_required_field_given_as_null_is_missing()
    {
        var refused = Refused(Fire(Case("awaiting_consumer_info"), "provide_info", Consumer, new JsonObject { ["answer"] = null }));

        Assert.Equal(["answer: is required"], refused.Details);
    }

    [Fact]
    public void Missing_input_is_only_reported_to_an_actor_who_may_fire_the_trigger()
    {
        Assert.Equal(RefusalReason.ActorNotPermitted, Refused(Fire(Case("in_progress"), "resolve", Consumer)).Reason);
    }

    [Theory]
    [InlineData(1, 10, "reopened")]
    [InlineData(2, 10, "reopened")]
    [InlineData(5, 6, "reopened")]
    [InlineData(5, 0, "reopened")]
    [InlineData(3, 7, "closed")]
    [InlineData(5, 10, "closed")]
    public void A_low_survey_score_or_a_detractor_reopens_the_complaint(int satisfaction, int recommend, string expected)
    {
        var accepted = Accepted(Fire(Case("resolved"), "survey_answered", Consumer, new JsonObject { ["satisfaction"] = satisfaction, ["recommend"] = recommend }));

        Assert.Equal(expected, accepted.To);
    }

    [Fact]
    public void A_reopened_complaint_notifies_the_consumer_its_owner_and_the_supervisor()
    {
        var accepted = Accepted(Fire(Case("resolved"), "survey_answered", Consumer, new JsonObject { ["satisfaction"] = 1, ["recommend"] = 2 }));

        Assert.Equal(["notify_consumer_status", "notify_owner_reopened", "notify_supervisor"], accepted.Actions.Select(a => a.Action));
    }

    [Fact]
    public void Only_a_manager_closes_a_reopened_complaint()
    {
        var input = new JsonObject { ["followUpNote"] = "Visited the customer" };

        Assert.Equal(RefusalReason.ActorNotPermitted, Refused(Fire(Case("reopened"), "confirm_follow_up", Advisor, input)).Reason);
        Assert.Equal("closed", Accepted(Fire(Case("reopened"), "confirm_follow_up", ServiceManager, input)).To);
        Assert.Equal("closed", Accepted(Fire(Case("reopened"), "confirm_follow_up", GeneralManager, input)).To);
    }

    [Theory]
    [InlineData(500, "in_progress", "grant_remedy")]
    [InlineData(501, "awaiting_manager_approval", "request_manager_approval")]
    public void A_remedy_above_the_staff_limit_needs_a_managers_approval(int points, string expectedState, string expectedAction)
    {
        var accepted = Accepted(Fire(Case("in_progress"), "offer_remedy", Advisor, new JsonObject { ["remedyPoints"] = points, ["remedyDescription"] = "points" }));

        Assert.Equal(expectedState, accepted.To);
        Assert.Equal(expectedAction, Assert.Single(accepted.Actions).Action);
    }

    [Fact]
    public void The_staff_remedy_limit_follows_the_brand_parameter()
    {
        var generous = BrandParameters(new Dictionary<string, BrandParameterSetting> { ["staff_remedy_limit_points"] = new(1000) });

        var accepted = Accepted(Fire(Case("in_progress"), "offer_remedy", Advisor, new JsonObject { ["remedyPoints"] = 800, ["remedyDescription"] = "points" }, parameters: generous));

        Assert.Equal("in_progress", accepted.To);
    }

    [Fact]
    public void Staff_holding_several_roles_may_act_in_any_of_them()
    {
        var both = Actor.Staff("zhao.lei", StaffRoles.Consultant, StaffRoles.ServiceManager);

        Assert.Equal("in_progress", Accepted(Fire(Case("received"), "acknowledge", both)).To);
    }
}
