using System.Text.Json;
using System.Text.Json.Serialization;
using WeLink.Sandbox.Wechat;
using WeLink.Sandbox.Wecom;

namespace WeLink.Sandbox.Api;

/// <summary>Wire JSON of both platforms: snake_case names, absent fields left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(WxError))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(StartPushTicketRequest))]
[JsonSerializable(typeof(ComponentTokenRequest))]
[JsonSerializable(typeof(ComponentTokenResponse))]
[JsonSerializable(typeof(PreAuthCodeRequest))]
[JsonSerializable(typeof(PreAuthCodeResponse))]
[JsonSerializable(typeof(QueryAuthRequest))]
[JsonSerializable(typeof(QueryAuthResponse))]
[JsonSerializable(typeof(AuthorizerTokenRequest))]
[JsonSerializable(typeof(AuthorizerTokenResponse))]
[JsonSerializable(typeof(AuthorizerInfoRequest))]
[JsonSerializable(typeof(AuthorizerInfoResponse))]
[JsonSerializable(typeof(AuthorizerListRequest))]
[JsonSerializable(typeof(AuthorizerListResponse))]
[JsonSerializable(typeof(SuiteTokenRequest))]
[JsonSerializable(typeof(SuiteTokenResponse))]
[JsonSerializable(typeof(CorpTokenRequest))]
[JsonSerializable(typeof(CorpTokenResponse))]
[JsonSerializable(typeof(SuitePreAuthCodeResponse))]
[JsonSerializable(typeof(SetSessionInfoRequest))]
[JsonSerializable(typeof(PermanentCodeRequest))]
[JsonSerializable(typeof(PermanentCodeResponse))]
[JsonSerializable(typeof(PermanentCodeV2Response))]
[JsonSerializable(typeof(AuthInfoRequest))]
[JsonSerializable(typeof(AuthInfoResponse))]
[JsonSerializable(typeof(UserInfo3rdResponse))]
[JsonSerializable(typeof(UserDetail3rdRequest))]
[JsonSerializable(typeof(UserDetail3rdResponse))]
[JsonSerializable(typeof(OAuthTokenResponse))]
[JsonSerializable(typeof(JsCode2SessionResponse))]
[JsonSerializable(typeof(PhoneNumberResponse))]
[JsonSerializable(typeof(OpenAppIdResponse))]
[JsonSerializable(typeof(SnsUserInfoResponse))]
[JsonSerializable(typeof(MessageSendResponse))]
[JsonSerializable(typeof(TemplateAddResponse))]
[JsonSerializable(typeof(SubscribeTemplateAddResponse))]
[JsonSerializable(typeof(UserInfoResponse))]
[JsonSerializable(typeof(QrCodeResponse))]
[JsonSerializable(typeof(MediaUploadResponse))]
[JsonSerializable(typeof(AppMessageSendResponse))]
[JsonSerializable(typeof(CorpUserResponse))]
[JsonSerializable(typeof(SimpleUserListResponse))]
[JsonSerializable(typeof(ExternalContactResponse))]
[JsonSerializable(typeof(UnionIdToExternalUserIdResponse))]
[JsonSerializable(typeof(PendingIdListResponse))]
[JsonSerializable(typeof(JsapiTicketResponse))]
public sealed partial class WireJsonContext : JsonSerializerContext;
