using System.Text.Json;
using System.Text.Json.Nodes;
using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Server.Uploads.Contracts;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Inbox;

/// <summary>Builds the staff case page from the case's details: names from Identities, the staff directory and the registry.</summary>
public sealed class StaffCaseView(
    CaseDetailsStore cases,
    CaseDefinitions definitions,
    IConsumerDirectory consumers,
    IStaffDirectory staff,
    IDealerRegistry dealers,
    ICasePhotos photos,
    IEnumerable<ICaseTimelineSource> timelineSources,
    TimeProvider time)
{
    /// <summary>The case; null when it does not exist or lies outside <paramref name="scope"/>.</summary>
    public async Task<StaffCaseResponse?> GetAsync(Guid caseId, CaseScope scope, CancellationToken cancellationToken)
    {
        if (await cases.GetAsync(caseId, scope, cancellationToken) is not { } details)
        {
            return null;
        }

        var definition = await definitions.GetAsync(details.DefinitionKey, details.DefinitionVersion, cancellationToken);
        Guid? consumerId = Guid.TryParse(details.SubjectId, out var subject) ? subject : null;
        var customerName = consumerId is { } id ? (await consumers.NamesAsync([id], cancellationToken)).GetValueOrDefault(id) : null;
        var dealerName = (await dealers.FindAsync(details.DealerId, cancellationToken))?.Name ?? "";
        var people = await CasePeople.ReadAsync(details, staff, cancellationToken);

        var timeline = details.History.Select(h => new TimelineEntry(h.At, "step", people.Actor(h), StepText(definition, h, people)))
            .Concat(details.Messages.Select(m => new TimelineEntry(
                m.SentAt ?? m.ClaimedAt, "message", null, (m.ToStaff ? "通知员工：" : "通知客户：") + m.Words)))
            .Concat(details.Notes.Select(n => new TimelineEntry(n.CreatedAt, "note", people.StaffName(n.AuthorStaffId), n.Text)))
            .Concat((await OtherEntriesAsync(caseId, cancellationToken)).Select(e => new TimelineEntry(e.At, e.Kind, e.Actor, e.Text)))
            .OrderBy(e => e.At)
            .ToList();
        return new StaffCaseResponse(
            details.Id,
            details.Version,
            new Labelled(definition.Key, definition.Title),
            new Labelled(details.State, definition.StateLabel(details.State)),
            new StaffCaseCustomer(consumerId, customerName, dealerName),
            [.. details.Data.Where(f => f.Value is not null).Select(f => new FiledField(Label(definition, f.Key), Value(definition, f.Key, f.Value!)))],
            [.. (await photos.OfCaseAsync(caseId, cancellationToken)).Select(id => new CasePhoto(id, UploadLinks.ForStaff(id)))],
            details.AssigneeStaffId is { } assignee ? new CaseAssignee(assignee, people.StaffName(assignee)) : null,
            details.AssigneeRole,
            details.DueAt,
            details.BreachedAt is not null || details.DueAt <= time.GetUtcNow(),
            timeline,
            [.. details.Notes.Select(n => new StaffNote(n.CreatedAt, people.StaffName(n.AuthorStaffId), n.Text))]);
    }

    /// <summary>What other features hold of the case's story (<see cref="ICaseTimelineSource"/>).</summary>
    private async Task<IEnumerable<CaseTimelineEntry>> OtherEntriesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var entries = new List<CaseTimelineEntry>();
        foreach (var source in timelineSources)
        {
            entries.AddRange(await source.EntriesAsync(caseId, cancellationToken));
        }

        return entries;
    }

    /// <summary>The step by its label, the state it led to, and what was entered (each field by its label).</summary>
    private static string StepText(WorkflowDefinition definition, CaseHistoryEntry step, CasePeople people)
    {
        if (step.Trigger == CaseEngine.ClaimTrigger)
        {
            return "领取了工单";
        }

        if (step.Trigger == CaseEngine.ReassignTrigger)
        {
            var role = step.Input["role"] is JsonValue r && r.TryGetValue<string>(out var roleKey) ? StaffRoles.LabelOf(roleKey) : null;
            return CasePeople.ReassignedTo(step) is { } to
                ? $"指派给 {people.StaffName(to)}" + (role is null ? "" : $"（{role}）")
                : $"转入{role ?? ""}队列";
        }

        var transition = definition.Transitions.FirstOrDefault(t => t.Trigger == step.Trigger);
        var name = step.Trigger == TransitionEvaluator.StartTrigger ? "提交" : Text(definition, transition?.Label) ?? step.Trigger;
        var moved = step.From is null || step.From != step.To ? $" → {definition.StateLabel(step.To)}" : "";
        var input = step.Trigger == TransitionEvaluator.StartTrigger
            ? ""
            : string.Concat(step.Input.Where(f => f.Value is not null).Select(f =>
                $"\n{Text(definition, transition?.Input.FirstOrDefault(i => i.Name == f.Key)?.Label) ?? f.Key}：{Value(definition, f.Key, f.Value!)}"));
        return name + moved + input;
    }

    private static string Label(WorkflowDefinition definition, string field) => Text(definition, $"field_{field}") ?? field;

    private static string Value(WorkflowDefinition definition, string field, JsonNode value)
    {
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return definition.ValueLabels.GetValueOrDefault(field)?.GetValueOrDefault(text) ?? text;
    }

    private static string? Text(WorkflowDefinition definition, string? key) =>
        key is not null && definition.Texts.TryGetValue(key, out var text) ? text : null;
}
