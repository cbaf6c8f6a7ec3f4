using WeLink.Workflow.Definitions;
using WeLink.Workflow.Tests.Support;

namespace WeLink.Workflow.Tests.Definitions;

/// <summary>A malformed input declaration is refused by the validator, each problem by its path.</summary>
public sealed class InputRulesTests
{
    private static readonly WorkflowDefinition Minimal = SampleDefinitions.Minimal();

    public static TheoryData<string, string, string> Malformed => new()
    {
        { """{ "name": "note", "type": "string" }""", "transitions[0].input[0].maxLength", "needs a maxLength" },
        { """{ "name": "note", "type": "string", "maxLength": 0 }""", "transitions[0].input[0].maxLength", "needs a maxLength" },
        { """{ "name": "points", "type": "integer", "maxLength": 5 }""", "transitions[0].input[0].maxLength", "only a string field" },
        { """{ "name": "points", "type": "integer", "min": 10, "max": 1 }""", "transitions[0].input[0].min", "above max" },
        { """{ "name": "points", "type": "integer", "min": 0, "accumulate": true }""", "transitions[0].input[0].min", "min of 1 or more" },
        { """{ "name": "note", "type": "string", "maxLength": 5, "accumulate": true }""", "transitions[0].input[0].accumulate", "only an integer" },
        { """{ "name": "ok", "type": "boolean", "min": 1 }""", "transitions[0].input[0].min", "only an integer" },
        { """{ "name": "channel", "type": "enum" }""", "transitions[0].input[0].choices", "needs choices" },
        { """{ "name": "channel", "type": "enum", "choices": [ "a", "a" ] }""", "transitions[0].input[0].choices", "twice" },
        { """{ "name": "note", "type": "string", "maxLength": 5, "choices": [ "a" ] }""", "transitions[0].input[0].choices", "only an enum" },
        { """{ "name": " ", "type": "boolean" }""", "transitions[0].input[0].name", "must not be empty" },
        { """{ "name": "note", "type": "string", "maxLength": 5, "label": "no_such_text" }""", "transitions[0].input[0].label", "missing text 'no_such_text'" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_field_is_refused_at_its_path(string field, string path, string message)
    {
        var json = $$"""
            {
              "key": "k", "version": 1, "title": "t", "initialState": "open",
              "states": [ { "key": "open" }, { "key": "done", "terminal": true } ],
              "transitions": [ { "trigger": "approve", "from": [ "open" ], "to": "done", "actors": [ "staff" ], "input": [ {{field}} ] } ]
            }
            """;

        var problem = Assert.Single(DefinitionValidator.Validate(DefinitionLoader.Load(json), Catalog.Actions, Catalog.Roles));

        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_type_is_refused_when_the_definition_is_read()
    {
        const string json = """
            { "key": "k", "version": 1, "title": "t", "initialState": "open", "states": [ { "key": "open" } ],
              "transitions": [ { "trigger": "note", "from": [ "open" ], "actors": [ "staff" ], "input": [ { "name": "n", "type": "decimal" } ] } ] }
            """;

        Assert.StartsWith("$.transitions[0].input[0].type", Assert.Throws<DefinitionLoadException>(() => DefinitionLoader.Load(json)).JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Transitions_sharing_a_trigger_must_declare_the_same_input()
    {
        var text = new InputFieldDefinition { Name = "note", Type = InputFieldType.Text, MaxLength = 10 };
        var definition = Minimal with
        {
            Transitions =
            [
                Minimal.Transitions[0] with { Input = [text], Guard = new GuardCondition { Field = "data.x", Op = GuardOperator.Exists } },
                Minimal.Transitions[0] with { Input = [text with { MaxLength = 20 }] },
                Minimal.Transitions[1],
            ],
        };

        var problem = Assert.Single(DefinitionValidator.Validate(definition, Catalog.Actions, Catalog.Roles));

        Assert.Equal("transitions[1].input", problem.Path);
    }

    [Fact]
    public void A_transition_label_must_be_a_text_of_the_definition()
    {
        var definition = Minimal with { Transitions = [Minimal.Transitions[0] with { Label = "approve_label" }, Minimal.Transitions[1]] };

        var problem = Assert.Single(DefinitionValidator.Validate(definition, Catalog.Actions, Catalog.Roles));

        Assert.Equal(("transitions[0].label", "missing text 'approve_label' (not in texts)"), (problem.Path, problem.Message));
    }
}
