using WeLink.Workflow.Definitions;
using WeLink.Workflow.Tests.Support;

namespace WeLink.Workflow.Tests.Definitions;

/// <summary>A malformed input hint is refused by the validator at its path; a well-formed one may differ between transitions on one trigger.</summary>
public sealed class InputHintRulesTests
{
    public static TheoryData<string, string, string, string> Malformed => new()
    {
        { """{ "text": "no_such_text" }""", "还可补偿", "transitions[0].input[0].hint.text", "missing text 'no_such_text'" },
        { """{ "text": "hint" }""", "还可 {left} 分", "transitions[0].input[0].hint.text", "placeholder '{left}' a hint does not fill (expected none without a limit)" },
        { """{ "text": "hint", "limit": "cap" }""", "{data.category} {left}", "transitions[0].input[0].hint.text", "placeholder '{data.category}'" },
        { """{ "text": "hint", "limit": "no_such_parameter" }""", "{left}", "transitions[0].input[0].hint.limit", "unknown parameter 'no_such_parameter'" },
        { """{ "text": "hint", "limit": "ratio" }""", "{left}", "transitions[0].input[0].hint.limit", "a limit is a whole number" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_hint_is_refused_at_its_path(string hint, string text, string path, string message)
    {
        var problem = Assert.Single(Validate(($$"""{ "name": "points", "type": "integer", "min": 1, "accumulate": true, "hint": {{hint}} }"""), text));

        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_is_refused_on_a_field_that_keeps_no_running_total()
    {
        var problem = Assert.Single(Validate(("""{ "name": "points", "type": "integer", "min": 1, "hint": { "text": "hint", "limit": "cap" } }"""), "{left}"));

        Assert.Equal(("transitions[0].input[0].hint.limit", "only an accumulating integer field has a limit: it bounds the field's running total"), (problem.Path, problem.Message));
    }

    [Fact]
    public void A_hint_with_a_limit_and_one_as_written_are_accepted()
    {
        Assert.Empty(Validate(("""{ "name": "points", "type": "integer", "min": 1, "accumulate": true, "hint": { "text": "hint", "limit": "cap" } }"""), "还可 {left}，已用 {used}，共 {limit}"));
        Assert.Empty(Validate(("""{ "name": "note", "type": "string", "maxLength": 9, "hint": { "text": "hint" } }"""), "写给客户看的话"));
    }

    [Fact]
    public void Transitions_on_one_trigger_may_tell_their_actors_different_hints()
    {
        var minimal = SampleDefinitions.Minimal();
        var field = new InputFieldDefinition { Name = "note", Type = InputFieldType.Text, MaxLength = 9, Hint = new InputHintDefinition { Text = "for_managers" } };
        var definition = minimal with
        {
            Texts = new Dictionary<string, string> { ["for_managers"] = "经理看到的提示", ["for_advisors"] = "顾问看到的提示" },
            Transitions =
            [
                minimal.Transitions[0] with { Input = [field], Guard = new GuardCondition { Field = "data.x", Op = GuardOperator.Exists } },
                minimal.Transitions[0] with { Input = [field with { Hint = new InputHintDefinition { Text = "for_advisors" } }] },
                minimal.Transitions[1],
            ],
        };

        Assert.Empty(DefinitionValidator.Validate(definition, Catalog.Actions, Catalog.Roles));
    }

    private static IReadOnlyList<DefinitionProblem> Validate(string field, string hintText)
    {
        var json = $$"""
            {
              "key": "k", "version": 1, "title": "t", "initialState": "open",
              "parameters": [
                { "name": "cap", "type": "int", "default": 500, "min": 0, "max": 5000 },
                { "name": "ratio", "type": "decimal", "default": 0.5, "min": 0, "max": 1 }
              ],
              "states": [ { "key": "open" }, { "key": "done", "terminal": true } ],
              "transitions": [ { "trigger": "approve", "from": [ "open" ], "to": "done", "actors": [ "staff" ], "input": [ {{field}} ] } ],
              "texts": { "hint": {{System.Text.Json.JsonSerializer.Serialize(hintText)}} }
            }
            """;
        return DefinitionValidator.Validate(DefinitionLoader.Load(json), Catalog.Actions, Catalog.Roles);
    }
}
