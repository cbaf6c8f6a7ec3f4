using System.Text.Json.Nodes;
using WeLink.Server.Tenancy.Access;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;
using WeLink.Workflow.Time;

namespace WeLink.Workflow.Tests.Support;

/// <summary>The shipped complaint process with default parameters and the Shanghai dealer calendar.</summary>
internal static class ComplaintHarness
{
    public static readonly Guid CaseId = Guid.Parse("7d0f8a5e-1c2b-4e5f-9a8b-0c1d2e3f4a5b");

    public static readonly WorkflowDefinition Definition = SampleDefinitions.ShippedComplaint();

    public static readonly ResolvedParameters Defaults = BrandParameters(new Dictionary<string, BrandParameterSetting>());

    public static readonly BusinessCalendar Calendar = Calendars.Shanghai();

    public static readonly Actor Consumer = Actor.Consumer("o-consumer-openid");

    public static readonly Actor Advisor = Actor.Staff("zhang.wei", StaffRoles.ServiceAdvisor);

    public static readonly Actor ServiceManager = Actor.Staff("li.na", StaffRoles.ServiceManager);

    public static readonly Actor GeneralManager = Actor.Staff("chen.jie", StaffRoles.GeneralManager);

    public static readonly Actor Consultant = Actor.Staff("wang.fang", StaffRoles.Consultant);

    public static readonly Actor Hq = Actor.Hq("hq-admin");

    public static ResolvedParameters BrandParameters(IReadOnlyDictionary<string, BrandParameterSetting> brand) =>
        ParameterResolver.Resolve(Definition, brand, new Dictionary<string, JsonNode?>()).Parameters!;

    public static CaseSnapshot Case(string state, JsonObject? data = null, IReadOnlyList<CaseTimer>? timers = null, TimerPause? pause = null, long version = 3) =>
        new(CaseId, state, data ?? new JsonObject { ["severity"] = "normal" }, version, "zhang.wei", timers ?? [], pause);

    /// <summary>Case data whose recovery steps (every named step of the process) are all done, so resolving is allowed.</summary>
    public static JsonObject StepsDone() => new()
    {
        ["severity"] = "normal",
        [TransitionEvaluator.CompletedStepsField] = new JsonArray([.. Definition.Steps.Select(s => JsonValue.Create(s.Key))]),
    };

    public static TransitionOutcome Fire(CaseSnapshot snapshot, string trigger, Actor actor, JsonObject? input = null, DateTimeOffset? now = null, ResolvedParameters? parameters = null) =>
        TransitionEvaluator.Evaluate(
            Definition,
            parameters ?? Defaults,
            Calendar,
            snapshot,
            new FireRequest(trigger, actor, input ?? [], $"{trigger}-request", now ?? Calendars.At(2026, 11, 25, 10)));

    public static TransitionAccepted Accepted(TransitionOutcome outcome) =>
        outcome as TransitionAccepted ?? throw new Xunit.Sdk.XunitException($"Expected acceptance, got {outcome}");

    public static TransitionRefused Refused(TransitionOutcome outcome) =>
        outcome as TransitionRefused ?? throw new Xunit.Sdk.XunitException($"Expected refusal, got {outcome}");
}
