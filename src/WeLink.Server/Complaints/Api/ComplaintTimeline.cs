using System.Text.Json.Nodes;
using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Messaging;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Complaints.Api;

/// <summary>
/// What the consumer may see of their complaint's case, oldest first: each change of their four-label status, the questions
/// staff asked and their answers, their survey, and the messages WeLink delivered to them. Staff's own steps (notes, the
/// four resolution steps, remedies, reassignments), staff messages and staff names stay inside: only the fields named
/// here are read from a step's input.
/// </summary>
public static class ComplaintTimeline
{
    public const string Status = "status";
    public const string Reply = "reply";
    public const string Question = "question";
    public const string Answer = "answer";
    public const string Survey = "survey";

    public static IReadOnlyList<ComplaintTimelineEntry> Of(CaseDetails details, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(details);
        var steps = new List<ComplaintTimelineEntry>();
        string? shown = null;
        foreach (var step in details.History)
        {
            if (ComplaintLabels.Of(definition, step.To) is var label && label != shown)
            {
                steps.Add(new ComplaintTimelineEntry(step.At, Status, label));
                shown = label;
            }

            if (Said(step) is { } said)
            {
                steps.Add(said);
            }
        }

        var delivered = details.Messages.Where(m => !m.ToStaff && m.Status == CaseMessage.Sent)
            .Select(m => new ComplaintTimelineEntry(m.SentAt ?? m.ClaimedAt, Reply, m.Words));
        return [.. steps.Concat(delivered).OrderBy(e => e.At)];
    }

    /// <summary>What the consumer and staff said to each other in a step, if anything.</summary>
    private static ComplaintTimelineEntry? Said(CaseHistoryEntry step) => step.Trigger switch
    {
        ComplaintDefinition.Triggers.RequestInfo when Text(step.Input, "question") is { } question => new(step.At, Question, question),
        ComplaintDefinition.Triggers.ProvideInfo when Text(step.Input, "answer") is { } answer => new(step.At, Answer, answer),
        ComplaintDefinition.Triggers.SurveyAnswered => new(step.At, Survey, $"满意度 {step.Input["satisfaction"]}/5，推荐意愿 {step.Input["recommend"]}/10"),
        _ => null,
    };

    private static string? Text(JsonObject input, string field) => input[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <param name="At">When it happened.</param>
/// <param name="Kind"><c>status</c>, <c>reply</c>, <c>question</c>, <c>answer</c> or <c>survey</c>.</param>
/// <param name="Text">What the consumer reads: the status label, the message, the question, the answer or the scores.</param>
public sealed record ComplaintTimelineEntry(DateTimeOffset At, string Kind, string Text);
