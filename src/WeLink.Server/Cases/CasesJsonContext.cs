using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Inbox;
using WeLink.Server.Cases.Outbox;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;

namespace WeLink.Server.Cases;

/// <summary>The cases feature's JSON: stored columns (pause, parameter settings) and the API's requests and responses.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TimerPause))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, BrandParameterSetting>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, JsonNode?>))]
[JsonSerializable(typeof(IReadOnlyList<CaseSummary>))]
[JsonSerializable(typeof(StaffCaseResponse))]
[JsonSerializable(typeof(StaffContactResponse))]
[JsonSerializable(typeof(CaseStepResponse))]
[JsonSerializable(typeof(CaseTransitions))]
[JsonSerializable(typeof(ReassignRequest))]
[JsonSerializable(typeof(NoteRequest))]
[JsonSerializable(typeof(NoteResponse))]
[JsonSerializable(typeof(CaseDetails))]
[JsonSerializable(typeof(Messaging.SubscriptionsResponse))]
[JsonSerializable(typeof(IReadOnlyList<OutboxItem>))]
[JsonSerializable(typeof(IReadOnlyList<DefinitionListItem>))]
[JsonSerializable(typeof(PublishDefinitionRequest))]
[JsonSerializable(typeof(PublishDefinitionResponse))]
[JsonSerializable(typeof(DefinitionParametersResponse))]
[JsonSerializable(typeof(SetBrandParametersRequest))]
[JsonSerializable(typeof(SetDealerParametersRequest))]
internal sealed partial class CasesJsonContext : JsonSerializerContext;
