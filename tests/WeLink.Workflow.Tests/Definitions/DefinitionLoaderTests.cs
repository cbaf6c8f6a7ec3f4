using WeLink.Workflow.Definitions;
using WeLink.Workflow.Tests.Support;

namespace WeLink.Workflow.Tests.Definitions;

public sealed class DefinitionLoaderTests
{
    [Fact]
    public void The_example_process_loads_with_its_states_transitions_timers_and_parameters()
    {
        var definition = SampleDefinitions.Example();

        Assert.Equal("example", definition.Key);
        Assert.Equal(1, definition.Version);
        Assert.Equal("received", definition.InitialState);
        Assert.True(definition.UsesBusinessHours);
        Assert.Equal(
            ["received", "in_progress", "escalated", "awaiting_consumer_info", "awaiting_manager_approval", "resolved", "reopened", "closed", "cancelled"],
            definition.States.Select(s => s.Key));
        Assert.Equal("已受理", definition.States[0].ConsumerLabel);
        Assert.Null(definition.States[2].ConsumerLabel);
        Assert.True(definition.States.Single(s => s.Key == "awaiting_consumer_info").WaitsOnConsumer);
        Assert.Equal(20, definition.Transitions.Count);
        Assert.Equal(GuardOperator.Gt, definition.Transitions[7].Guard!.Op);
        Assert.Equal(2, definition.Transitions[14].Guard!.Any!.Count);
        Assert.Equal(DurationUnit.Hours, definition.Timers[0].Unit);
        Assert.True(definition.Timers.Single(t => t.Key == "resolution_breach").BusinessTime);
        Assert.Equal(ParameterType.WholeNumber, definition.Parameters[0].Type);
        Assert.Equal(24, definition.Parameters[0].Default!.GetValue<int>());
    }

    [Fact]
    public void A_definition_loads_from_a_stream()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SampleDefinitions.ExampleJson()));

        Assert.Equal("example", DefinitionLoader.Load(stream).Key);
    }

    [Fact]
    public void A_saved_definition_loads_back_to_the_same_json()
    {
        var saved = DefinitionLoader.Save(SampleDefinitions.Example());

        Assert.Equal(saved, DefinitionLoader.Save(DefinitionLoader.Load(saved)));
        Assert.Contains("\"initialState\": \"received\"", saved, StringComparison.Ordinal);
        Assert.Contains("\"op\": \"gt\"", saved, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line_and_position()
    {
        var error = Assert.Throws<DefinitionLoadException>(() => DefinitionLoader.Load("{\n  \"key\": \"x\",\n  \"version\": ,\n}"));

        Assert.Equal(3, error.LineNumber);
        Assert.Equal("$.version", error.JsonPath);
        Assert.StartsWith("Invalid workflow definition at $.version (line 3, position 14): ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_property_is_an_error_naming_where_it_is()
    {
        var json = SampleDefinitions.ExampleJson().Replace("\"input\": [ { \"name\": \"question\"", "\"inputs\": [ { \"name\": \"question\"", StringComparison.Ordinal);

        var error = Assert.Throws<DefinitionLoadException>(() => DefinitionLoader.Load(json));

        Assert.Equal("$.transitions[4].inputs", error.JsonPath);
        Assert.Contains("inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transition_without_a_trigger_is_an_error_naming_the_missing_property()
    {
        const string json = """{ "key": "k", "version": 1, "title": "t", "transitions": [ { "from": ["a"], "to": "b", "actors": ["system"] } ] }""";

        var error = Assert.Throws<DefinitionLoadException>(() => DefinitionLoader.Load(json));

        Assert.StartsWith("$.transitions[0]", error.JsonPath, StringComparison.Ordinal);
        Assert.Contains("trigger", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_guard_operator_is_an_error_naming_its_path()
    {
        var json = SampleDefinitions.ExampleJson().Replace("\"op\": \"gt\"", "\"op\": \"greater\"", StringComparison.Ordinal);

        var error = Assert.Throws<DefinitionLoadException>(() => DefinitionLoader.Load(json));

        Assert.Equal("$.transitions[7].guard.op", error.JsonPath);
        Assert.EndsWith("'op' must be one of eq, ne, gt, gte, lt, lte, in, exists.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_parameter_type_is_an_error_naming_its_path()
    {
        var json = SampleDefinitions.ExampleJson().Replace("\"type\": \"int\", \"default\": 24", "\"type\": \"integer\", \"default\": 24", StringComparison.Ordinal);

        var error = Assert.Throws<DefinitionLoadException>(() => DefinitionLoader.Load(json));

        Assert.Equal("$.parameters[0].type", error.JsonPath);
        Assert.EndsWith("'type' must be one of int, decimal, bool, duration.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_where_a_list_is_required_is_an_error()
    {
        const string json = """{ "key": "k", "version": 1, "title": "t", "states": null }""";

        var error = Assert.Throws<DefinitionLoadException>(() => DefinitionLoader.Load(json));

        Assert.Equal("$.states", error.JsonPath);
    }

    [Fact]
    public void The_json_literal_null_is_not_a_definition()
    {
        var error = Assert.Throws<DefinitionLoadException>(() => DefinitionLoader.Load("null"));

        Assert.Contains("null", error.Message, StringComparison.Ordinal);
    }
}
