using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;
using static WeLink.Workflow.Tests.Support.ComplaintHarness;

namespace WeLink.Workflow.Tests.Engine;

/// <summary>
/// The remedy authority the shipped complaint tells staff: the case's pinned limit less what the case has used of it,
/// for the advisor (above it, the manager approves) and for the manager (who may not offer above it).
/// </summary>
public sealed class InputHintsTests
{
    private static readonly InputFieldDefinition AdvisorsPoints = Offer(0);
    private static readonly InputFieldDefinition ManagersPoints = Offer(1);

    [Fact]
    public void An_advisor_on_a_fresh_case_is_told_the_default_limit_of_500_and_who_approves_above_it() =>
        Assert.Equal("您的补偿权限：还可补偿 500 积分（本案累计超过 500 积分需服务经理审批）", InputHints.Render(Definition, AdvisorsPoints, Defaults, []));

    [Fact]
    public void What_the_case_already_used_is_taken_from_the_limit() =>
        Assert.Equal(
            "您的补偿权限：还可补偿 200 积分（本案累计超过 500 积分需服务经理审批）",
            InputHints.Render(Definition, AdvisorsPoints, Defaults, new JsonObject { ["remedyPoints"] = 300 }));

    [Fact]
    public void Nothing_is_left_once_the_case_went_past_the_limit_and_the_text_never_shows_a_negative_number() =>
        Assert.Equal(
            "您的补偿权限：还可补偿 0 积分（本案累计超过 500 积分需服务经理审批）",
            InputHints.Render(Definition, AdvisorsPoints, Defaults, new JsonObject { ["remedyPoints"] = 800 }));

    [Fact]
    public void The_limit_is_the_cases_own_parameter_value()
    {
        var generous = BrandParameters(new Dictionary<string, BrandParameterSetting> { ["staff_remedy_limit_points"] = new(1000) });

        Assert.Equal("您的补偿权限：还可补偿 1000 积分（本案累计超过 1000 积分需服务经理审批）", InputHints.Render(Definition, AdvisorsPoints, generous, []));
    }

    [Fact]
    public void A_manager_reads_the_limit_without_being_sent_to_themselves_for_approval() =>
        Assert.Equal("您的补偿权限：还可补偿 500 积分（本案累计上限 500 积分）", InputHints.Render(Definition, ManagersPoints, Defaults, []));

    [Fact]
    public void Each_actor_is_offered_the_hint_of_the_first_offer_they_may_take()
    {
        var advisors = TransitionEvaluator.Available(Definition, "in_progress", Advisor).Single(t => t.Trigger == "offer_remedy");
        var managers = TransitionEvaluator.Available(Definition, "in_progress", ServiceManager).Single(t => t.Trigger == "offer_remedy");

        Assert.Equal(("hint_remedy_authority", "hint_remedy_limit"), (advisors.Input[0].Hint?.Text, managers.Input[0].Hint?.Text));
    }

    [Fact]
    public void A_field_without_a_hint_has_none_and_a_hint_without_a_limit_reads_as_written()
    {
        var description = Definition.Transitions.First(t => t.Trigger == "offer_remedy").Input[1];
        var written = description with { Hint = new InputHintDefinition { Text = "field_remedy_description" } };

        Assert.Null(InputHints.Render(Definition, description, Defaults, []));
        Assert.Equal("补偿说明", InputHints.Render(Definition, written, Defaults, []));
    }

    private static InputFieldDefinition Offer(int index) =>
        Definition.Transitions.Where(t => t.Trigger == "offer_remedy").ElementAt(index).Input.Single(f => f.Name == "remedyPoints");
}
