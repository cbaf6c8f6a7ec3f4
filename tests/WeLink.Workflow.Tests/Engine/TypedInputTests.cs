using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;
using WeLink.Workflow.Tests.Support;

namespace WeLink.Workflow.Tests.Engine;

/// <summary>
/// A transition takes only the input it declares, each field of its type within its limits; a refusal names every bad
/// field. Accumulating fields keep a running total per case that guards read, so a limit cannot be dodged in small steps.
/// </summary>
public sealed class TypedInputTests
{
    private static readonly DateTimeOffset Now = Calendars.At(2026, 11, 25, 10);

    private static readonly WorkflowDefinition Offer = SampleDefinitions.Minimal() with
    {
        Parameters = [new ParameterDefinition { Name = "limit", Type = ParameterType.WholeNumber, Default = 500, Min = 0, Max = 5000 }],
        Timers = [],
        Transitions =
        [
            new TransitionDefinition
            {
                Trigger = "offer", From = ["open"], Actors = ["staff"],
                Input =
                [
                    new InputFieldDefinition { Name = "points", Type = InputFieldType.WholeNumber, Min = 1, Max = 10000, Required = true, Accumulate = true },
                    new InputFieldDefinition { Name = "note", Type = InputFieldType.Text, MaxLength = 10 },
                    new InputFieldDefinition { Name = "channel", Type = InputFieldType.Choice, Choices = ["phone", "visit"] },
                    new InputFieldDefinition { Name = "urgent", Type = InputFieldType.Bool },
                ],
                Guard = new GuardCondition { Field = "case.total.points", Op = GuardOperator.Lte, Param = "limit" },
            },
        ],
    };

    private static readonly ResolvedParameters Defaults =
        ParameterResolver.Resolve(Offer, new Dictionary<string, BrandParameterSetting>(), new Dictionary<string, JsonNode?>()).Parameters!;

    [Fact]
    public void A_wrongly_typed_oversized_out_of_bounds_and_unknown_field_are_each_named()
    {
        var refused = ComplaintHarness.Refused(Fire(Open(), new JsonObject
        {
            ["points"] = "300",
            ["note"] = "far more than ten characters",
            ["channel"] = "email",
            ["urgent"] = "yes",
            ["remedyPoints"] = 1,
        }));

        Assert.Equal(RefusalReason.InvalidInput, refused.Reason);
        Assert.Equal(
            [
                "points: must be a whole number", "note: must be at most 10 characters", "channel: must be one of phone, visit",
                "urgent: must be true or false", "remedyPoints: is not an input of this step",
            ],
            refused.Details);
    }

    [Theory]
    [InlineData("-5", "points: must be at least 1")]
    [InlineData("0", "points: must be at least 1")]
    [InlineData("2.5", "points: must be a whole number")]
    [InlineData("3.0", "points: must be a whole number")]
    [InlineData("10001", "points: must be at most 10000")]
    [InlineData("null", "points: is required")]
    public void Points_must_be_a_positive_whole_number_within_bounds(string points, string problem)
    {
        var refused = ComplaintHarness.Refused(Fire(Open(), new JsonObject { ["points"] = JsonNode.Parse(points) }));

        Assert.Equal([problem], refused.Details);
    }

    [Fact]
    public void Input_that_fits_is_accepted_and_kept_as_the_latest_input_not_in_the_case_data()
    {
        var accepted = ComplaintHarness.Accepted(Fire(Open(), new JsonObject { ["points"] = 200, ["note"] = "washed", ["channel"] = "phone", ["urgent"] = true }));

        Assert.Equal("""{"severity":"normal"}""", accepted.Data.ToJsonString());
        Assert.Equal("""{"points":200,"note":"washed","channel":"phone","urgent":true}""", accepted.Latest.ToJsonString());
        Assert.Equal("""{"points":200}""", accepted.Totals.ToJsonString());
    }

    [Fact]
    public void Repeated_grants_are_checked_against_the_limit_together()
    {
        var first = ComplaintHarness.Accepted(Fire(Open(), new JsonObject { ["points"] = 300 }));
        var second = Fire(Open() with { Totals = first.Totals }, new JsonObject { ["points"] = 300 });

        Assert.Equal(RefusalReason.GuardFalse, ComplaintHarness.Refused(second).Reason);
        Assert.Equal("""{"points":500}""", ComplaintHarness.Accepted(Fire(Open() with { Totals = first.Totals }, new JsonObject { ["points"] = 200 })).Totals.ToJsonString());
    }

    private static CaseSnapshot Open() => ComplaintHarness.Case("open");

    private static TransitionOutcome Fire(CaseSnapshot snapshot, JsonObject input) =>
        TransitionEvaluator.Evaluate(Offer, Defaults, Calendars.Shanghai(), snapshot, new FireRequest("offer", Actor.Staff("zhang.wei", "service_manager"), input, "k", Now));
}
