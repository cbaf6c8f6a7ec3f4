using System.Text.Json.Serialization;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Control;

/// <summary>JSON of the control API, snake_case like the platforms it stands in for.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(AdvanceClockRequest))]
[JsonSerializable(typeof(ClockResponse))]
[JsonSerializable(typeof(TicketPushResponse))]
[JsonSerializable(typeof(ControlProblem))]
[JsonSerializable(typeof(WorldSnapshot))]
[JsonSerializable(typeof(ComponentApprovalRequest))]
[JsonSerializable(typeof(AppidRequest))]
[JsonSerializable(typeof(CorpidRequest))]
[JsonSerializable(typeof(InstallRequest))]
[JsonSerializable(typeof(ConsumerConsentRequest))]
[JsonSerializable(typeof(StaffOAuthRequest))]
[JsonSerializable(typeof(OAuthCodeResponse))]
[JsonSerializable(typeof(PushResponse))]
[JsonSerializable(typeof(ComponentApproval))]
[JsonSerializable(typeof(InstallApproval))]
[JsonSerializable(typeof(ConsumerActionRequest))]
[JsonSerializable(typeof(ConsumerActionResponse))]
[JsonSerializable(typeof(IReadOnlyList<SentMessage>))]
[JsonSerializable(typeof(CardButtonRequest))]
[JsonSerializable(typeof(StaffMessageRequest))]
[JsonSerializable(typeof(AddMemberRequest))]
[JsonSerializable(typeof(UpdateMemberRequest))]
[JsonSerializable(typeof(MemberRequest))]
[JsonSerializable(typeof(AuthorizationEventRequest))]
[JsonSerializable(typeof(PushView))]
[JsonSerializable(typeof(IReadOnlyList<Pushes.UrlCheck>))]
[JsonSerializable(typeof(IReadOnlyList<PushView>))]
[JsonSerializable(typeof(ApiFaultRequest))]
[JsonSerializable(typeof(LatencyRequest))]
[JsonSerializable(typeof(HoldRequest))]
[JsonSerializable(typeof(InFlightView))]
[JsonSerializable(typeof(PushFaultRequest))]
[JsonSerializable(typeof(OwnerRequest))]
[JsonSerializable(typeof(AccountRequest))]
[JsonSerializable(typeof(ConsumerRequest))]
[JsonSerializable(typeof(CorpRequest))]
[JsonSerializable(typeof(StaffRequest))]
[JsonSerializable(typeof(ExternalContactRequest))]
[JsonSerializable(typeof(AddExternalContactRequest))]
[JsonSerializable(typeof(EditExternalContactRequest))]
[JsonSerializable(typeof(DeleteExternalContactRequest))]
[JsonSerializable(typeof(ExternalContactChangeResponse))]
[JsonSerializable(typeof(MiniProgramPhoneNumberRequest))]
[JsonSerializable(typeof(MiniProgramPhoneNumberResponse))]
[JsonSerializable(typeof(WecomClientRequest))]
[JsonSerializable(typeof(Wecom.ClientChoices))]
[JsonSerializable(typeof(MiniProgramLoginRequest))]
[JsonSerializable(typeof(MiniProgramLoginResponse))]
[JsonSerializable(typeof(MiniProgramSubscribeRequest))]
[JsonSerializable(typeof(MiniProgramSubscribeResponse))]
public sealed partial class ControlJsonContext : JsonSerializerContext;
