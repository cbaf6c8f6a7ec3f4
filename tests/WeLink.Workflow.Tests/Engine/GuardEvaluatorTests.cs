using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;

namespace WeLink.Workflow.Tests.Engine;

public sealed class GuardEvaluatorTests
{
    private static readonly ResolvedParameters Parameters = ParameterResolver.Resolve(
        new WorkflowDefinition
        {
            Key = "guards",
            Version = 1,
            Title = "Guards",
            Parameters =
            [
                new ParameterDefinition { Name = "limit", Type = ParameterType.WholeNumber, Default = 500 },
                new ParameterDefinition { Name = "grace", Type = ParameterType.Duration, Default = "PT2H" },
            ],
        },
        new Dictionary<string, BrandParameterSetting>(),
        new Dictionary<string, JsonNode?>()).Parameters!;

    private static readonly GuardScope Scope = new(
        new JsonObject { ["severity"] = "high", ["score"] = 2, ["vehicle"] = new JsonObject { ["model"] = "X5", ["year"] = 2024 }, ["note"] = null, ["delay"] = "PT3H" },
        new JsonObject { ["points"] = 600.0 },
        new JsonObject { ["state"] = "in_progress", ["assignee"] = "zhang.wei" },
        Parameters);

    private static GuardCondition Compare(string field, GuardOperator op, JsonNode? value) => new() { Field = field, Op = op, Value = value };

    private static bool Holds(GuardCondition guard) => GuardEvaluator.Holds(guard, Scope);

    public static TheoryData<string, GuardOperator, string, bool> Comparisons => new()
    {
        { "data.severity", GuardOperator.Eq, "\"high\"", true },
        { "data.severity", GuardOperator.Eq, "\"High\"", false },
        { "data.severity", GuardOperator.Ne, "\"low\"", true },
        { "data.score", GuardOperator.Eq, "2.0", true },
        { "data.score", GuardOperator.Eq, "\"2\"", false },
        { "data.score", GuardOperator.Gt, "1", true },
        { "data.score", GuardOperator.Gt, "2", false },
        { "data.score", GuardOperator.Gte, "2", true },
        { "data.score", GuardOperator.Lt, "2", false },
        { "data.score", GuardOperator.Lte, "2", true },
        { "data.score", GuardOperator.Lt, "\"3\"", false },
        { "data.severity", GuardOperator.Lt, "\"low\"", true },
        { "data.severity", GuardOperator.In, "[\"high\", \"critical\"]", true },
        { "data.severity", GuardOperator.In, "[\"low\"]", false },
        { "data.score", GuardOperator.In, "[1, 2.00]", true },
        { "data.vehicle.model", GuardOperator.Eq, "\"X5\"", true },
        { "data.vehicle.year", GuardOperator.Gte, "2020", true },
        { "data.missing", GuardOperator.Eq, "1", false },
        { "data.missing", GuardOperator.Ne, "1", true },
        { "data.missing", GuardOperator.Gt, "1", false },
        { "data.missing", GuardOperator.Lte, "1", false },
        { "data.note", GuardOperator.Eq, "null", true },
        { "data.vehicle", GuardOperator.Eq, "{\"year\": 2024, \"model\": \"X5\"}", true },
        { "input.points", GuardOperator.Gt, "599", true },
        { "case.assignee", GuardOperator.Eq, "\"zhang.wei\"", true },
        { "case.state", GuardOperator.Ne, "\"in_progress\"", false },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Comparisons_follow_the_values_kind(string field, GuardOperator op, string valueJson, bool expected)
    {
        Assert.Equal(expected, Holds(Compare(field, op, JsonNode.Parse(valueJson))));
    }

    [Theory]
    [InlineData("data.severity", true)]
    [InlineData("data.vehicle.model", true)]
    [InlineData("data.note", false)]
    [InlineData("data.missing", false)]
    [InlineData("data.severity.deeper", false)]
    [InlineData("input.points", true)]
    public void Exists_means_present_and_not_null(string field, bool expected)
    {
        Assert.Equal(expected, Holds(new GuardCondition { Field = field, Op = GuardOperator.Exists }));
    }

    [Fact]
    public void All_needs_every_guard_and_any_needs_one()
    {
        var yes = Compare("data.severity", GuardOperator.Eq, "high");
        var no = Compare("data.score", GuardOperator.Gt, 5);

        Assert.True(Holds(new GuardCondition { All = [yes, yes] }));
        Assert.False(Holds(new GuardCondition { All = [yes, no] }));
        Assert.True(Holds(new GuardCondition { Any = [no, yes] }));
        Assert.False(Holds(new GuardCondition { Any = [no, no] }));
        Assert.True(Holds(new GuardCondition { Not = no }));
        Assert.True(Holds(new GuardCondition { Any = [no, new GuardCondition { All = [yes, new GuardCondition { Not = no }] }] }));
    }

    [Fact]
    public void A_number_parameter_is_compared_by_value()
    {
        Assert.True(Holds(new GuardCondition { Field = "input.points", Op = GuardOperator.Gt, Param = "limit" }));
        Assert.False(Holds(new GuardCondition { Field = "input.points", Op = GuardOperator.Lte, Param = "limit" }));
    }

    [Fact]
    public void A_duration_parameter_is_compared_as_a_duration()
    {
        Assert.True(Holds(new GuardCondition { Field = "data.delay", Op = GuardOperator.Gt, Param = "grace" }));
        Assert.False(Holds(new GuardCondition { Field = "data.severity", Op = GuardOperator.Gt, Param = "grace" }));
    }
}
