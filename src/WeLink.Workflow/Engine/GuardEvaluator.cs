using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;

namespace WeLink.Workflow.Engine;

/// <summary>Evaluates data guards. Numbers compare by value, strings ordinally, durations by length; nothing executes code.</summary>
internal static class GuardEvaluator
{
    public static bool Holds(GuardCondition guard, GuardScope scope)
    {
        if (guard.All is not null)
        {
            return guard.All.All(g => Holds(g, scope));
        }

        if (guard.Any is not null)
        {
            return guard.Any.Any(g => Holds(g, scope));
        }

        if (guard.Not is not null)
        {
            return !Holds(guard.Not, scope);
        }

        if (guard.Field is null || guard.Op is not { } op || !GuardFieldPath.TryParse(guard.Field, out var path))
        {
            throw new InvalidOperationException("The guard is malformed; validate definitions before use.");
        }

        var left = scope.Read(path);
        if (op == GuardOperator.Exists)
        {
            return left is not null;
        }

        var (leftValue, right) = Operands(guard, left, scope);
        return op switch
        {
            GuardOperator.Eq => AreEqual(leftValue, right),
            GuardOperator.Ne => !AreEqual(leftValue, right),
            GuardOperator.In => right is JsonArray options && options.Any(option => AreEqual(leftValue, option)),
            GuardOperator.Gt => Compare(leftValue, right) > 0,
            GuardOperator.Gte => Compare(leftValue, right) >= 0,
            GuardOperator.Lt => Compare(leftValue, right) < 0,
            GuardOperator.Lte => Compare(leftValue, right) <= 0,
            _ => throw new InvalidOperationException($"Unknown guard operator {op}."),
        };
    }

    /// <summary>A duration parameter compares as ticks, so the field is read as a duration too.</summary>
    private static (JsonNode? Left, JsonNode? Right) Operands(GuardCondition guard, JsonNode? left, GuardScope scope)
    {
        if (guard.Param is null)
        {
            return (left, guard.Value);
        }

        var parameter = scope.Parameters.Values.TryGetValue(guard.Param, out var p)
            ? p
            : throw new InvalidOperationException($"The guard compares with parameter '{guard.Param}', which was not resolved.");
        if (parameter.Type != ParameterType.Duration)
        {
            return (left, JsonNode.Parse(parameter.Value.GetRawText()));
        }

        var leftTicks = left is JsonValue v && v.GetValueKind() == JsonValueKind.String && DurationExpression.TryParseLiteral(v.GetValue<string>(), out var d)
            ? JsonValue.Create(d.Ticks)
            : null;
        return (leftTicks, JsonValue.Create(scope.Parameters.GetDuration(guard.Param).Ticks));
    }

    private static bool AreEqual(JsonNode? left, JsonNode? right) =>
        TryNumber(left, out var a) && TryNumber(right, out var b) ? a == b : JsonNode.DeepEquals(left, right);

    /// <summary>Null when the operands cannot be ordered (missing, or of different kinds); every comparison with null is false.</summary>
    private static int? Compare(JsonNode? left, JsonNode? right)
    {
        if (TryNumber(left, out var a) && TryNumber(right, out var b))
        {
            return a.CompareTo(b);
        }

        if (left is JsonValue l && right is JsonValue r && l.GetValueKind() == JsonValueKind.String && r.GetValueKind() == JsonValueKind.String)
        {
            return string.CompareOrdinal(l.GetValue<string>(), r.GetValue<string>());
        }

        return null;
    }

    private static bool TryNumber(JsonNode? node, out decimal number)
    {
        number = 0;
        return node is JsonValue value
            && value.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}
