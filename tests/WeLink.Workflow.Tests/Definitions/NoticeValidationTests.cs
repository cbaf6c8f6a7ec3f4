using WeLink.Server.Tenancy.Access;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Tests.Support;

namespace WeLink.Workflow.Tests.Definitions;

/// <summary>Notices, texts and named steps as the validator sees them: each mistake is refused with its path named.</summary>
public sealed class NoticeValidationTests
{
    /// <summary>The minimal sample whose <c>notify</c> is a declared staff card with an approve button, and a named step.</summary>
    private static readonly WorkflowDefinition WithNotice = SampleDefinitions.Minimal() with
    {
        Actions = ["notify", "tell_consumer"],
        Notices =
        [
            new NoticeDefinition
            {
                Action = "notify", To = new NoticeAudience { Assignee = true, Roles = [StaffRoles.ServiceManager] }, Text = "opened",
                Buttons = [new NoticeButton { Text = "approve_button", Trigger = "approve", Input = new Dictionary<string, string> { ["note"] = "approve_note" } }],
            },
            new NoticeDefinition { Action = "tell_consumer", To = new NoticeAudience { Consumer = true }, Text = "opened", Detail = "detail" },
        ],
        Texts = new Dictionary<string, string>
        {
            ["process"] = "测试流程",
            ["subject"] = "{data.topic}",
            ["opened"] = "新案件（{data.severity}）",
            ["detail"] = "状态：{state}",
            ["approve_button"] = "批准",
            ["approve_note"] = "卡片批准",
        },
        Steps = [new StepDefinition { Key = "listen", Label = "倾听" }],
    };

    private static IReadOnlyList<DefinitionProblem> Validate(WorkflowDefinition definition) =>
        DefinitionValidator.Validate(definition, Catalog.Actions, Catalog.Roles);

    private static void AssertOnlyProblem(WorkflowDefinition definition, string path, string messagePart)
    {
        var problem = Assert.Single(Validate(definition));
        Assert.Equal(path, problem.Path);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
    }

    private static NoticeDefinition Card => WithNotice.Notices[0];

    private static WorkflowDefinition WithCard(NoticeDefinition card) => WithNotice with { Notices = [card, WithNotice.Notices[1]] };

    [Fact]
    public void A_declared_notice_needs_no_registered_handler_and_validates()
    {
        Assert.Empty(Validate(WithNotice));
    }

    [Fact]
    public void A_button_naming_an_unknown_trigger_is_refused()
    {
        var definition = WithCard(Card with { Buttons = [Card.Buttons[0] with { Trigger = "approve_all" }] });

        AssertOnlyProblem(definition, "notices[0].buttons[0].trigger", "unknown trigger 'approve_all'");
    }

    [Fact]
    public void An_audience_role_that_does_not_exist_is_refused()
    {
        var definition = WithCard(Card with { To = new NoticeAudience { Roles = ["chief_of_everything"] } });

        AssertOnlyProblem(definition, "notices[0].to.roles[0]", "unknown staff role 'chief_of_everything'");
    }

    [Fact]
    public void A_notice_text_key_missing_from_the_texts_is_refused()
    {
        AssertOnlyProblem(WithCard(Card with { Text = "opend" }), "notices[0].text", "missing text 'opend'");
    }

    [Fact]
    public void A_button_input_text_key_missing_from_the_texts_is_refused()
    {
        var definition = WithCard(Card with { Buttons = [Card.Buttons[0] with { Input = new Dictionary<string, string> { ["note"] = "nowhere" } }] });

        AssertOnlyProblem(definition, "notices[0].buttons[0].input.note", "missing text 'nowhere'");
    }

    [Fact]
    public void An_assignee_notice_without_fallback_roles_is_refused()
    {
        AssertOnlyProblem(WithCard(Card with { To = new NoticeAudience { Assignee = true } }), "notices[0].to.roles", "no role to fall back to");
    }

    [Fact]
    public void A_consumer_notice_with_buttons_is_refused()
    {
        var definition = WithNotice with { Notices = [Card, WithNotice.Notices[1] with { Buttons = Card.Buttons }] };

        AssertOnlyProblem(definition, "notices[1].buttons", "only staff get cards");
    }

    [Fact]
    public void A_consumer_notice_may_need_marketing_consent_but_an_unknown_purpose_or_a_staff_marketing_notice_is_refused()
    {
        var marketing = WithNotice with { Notices = [Card, WithNotice.Notices[1] with { Purpose = NoticePurposes.Marketing }] };
        Assert.Empty(Validate(marketing));
        Assert.Equal(NoticePurposes.Service, WithNotice.Notices[1].Purpose);

        AssertOnlyProblem(WithNotice with { Notices = [Card, WithNotice.Notices[1] with { Purpose = "gossip" }] }, "notices[1].purpose", "unknown purpose 'gossip'");
        AssertOnlyProblem(WithCard(Card with { Purpose = NoticePurposes.Marketing }), "notices[0].purpose", "only a consumer notice asks for consent");
    }

    [Fact]
    public void A_notice_for_an_undeclared_action_is_refused()
    {
        var definition = WithNotice with { Actions = ["notify"] };

        AssertOnlyProblem(definition, "notices[1].action", "action 'tell_consumer' is not declared in actions");
    }

    [Fact]
    public void A_placeholder_the_renderer_does_not_fill_is_refused()
    {
        var texts = new Dictionary<string, string>(WithNotice.Texts) { ["opened"] = "新案件 {trigger}" };

        AssertOnlyProblem(WithNotice with { Texts = texts }, "texts.opened", "unknown placeholder '{trigger}'");
    }

    [Fact]
    public void A_transition_completing_or_requiring_an_undeclared_step_is_refused()
    {
        var approve = WithNotice.Transitions[0] with { RequiresSteps = ["listen", "dance"] };
        var definition = WithNotice with { Transitions = [approve, WithNotice.Transitions[1] with { Completes = "sing" }] };

        var problems = Validate(definition);

        Assert.Equal(["transitions[0].requiresSteps[1]", "transitions[1].completes"], problems.Select(p => p.Path));
    }
}
