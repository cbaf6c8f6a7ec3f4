using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using WeLink.Wechat.MiniProgram.Models;
using WeLink.Wechat.OfficialAccount.Models;
using WeLink.Wechat.OpenPlatform.Models;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Wechat.Http;

/// <summary>Source-generated JSON for every wire model; property names are the snake_case WeChat uses.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(WechatResponse))]
[JsonSerializable(typeof(ApiStartPushTicketRequest))]
[JsonSerializable(typeof(ApiComponentTokenRequest))]
[JsonSerializable(typeof(ApiComponentTokenResponse))]
[JsonSerializable(typeof(ApiCreatePreauthcodeRequest))]
[JsonSerializable(typeof(ApiCreatePreauthcodeResponse))]
[JsonSerializable(typeof(ApiQueryAuthRequest))]
[JsonSerializable(typeof(ApiQueryAuthResponse))]
[JsonSerializable(typeof(ApiAuthorizerTokenRequest))]
[JsonSerializable(typeof(ApiAuthorizerTokenResponse))]
[JsonSerializable(typeof(ApiGetAuthorizerInfoRequest))]
[JsonSerializable(typeof(ApiGetAuthorizerInfoResponse))]
[JsonSerializable(typeof(ApiGetAuthorizerListRequest))]
[JsonSerializable(typeof(ApiGetAuthorizerListResponse))]
[JsonSerializable(typeof(OpenGetRequest))]
[JsonSerializable(typeof(OpenGetResponse))]
[JsonSerializable(typeof(OpenCreateRequest))]
[JsonSerializable(typeof(OpenCreateResponse))]
[JsonSerializable(typeof(OpenBindRequest))]
[JsonSerializable(typeof(SnsOauth2ComponentAccessTokenResponse))]
[JsonSerializable(typeof(SnsComponentJscode2sessionResponse))]
[JsonSerializable(typeof(SnsUserinfoResponse))]
[JsonSerializable(typeof(MessageTemplateSendRequest))]
[JsonSerializable(typeof(MessageTemplateSendResponse))]
[JsonSerializable(typeof(TemplateAddRequest))]
[JsonSerializable(typeof(TemplateAddResponse))]
[JsonSerializable(typeof(MessageSubscribeBizsendRequest))]
[JsonSerializable(typeof(MessageCustomSendRequest))]
[JsonSerializable(typeof(NewtmplAddtemplateRequest))]
[JsonSerializable(typeof(NewtmplAddtemplateResponse))]
[JsonSerializable(typeof(MessageSubscribeSendRequest))]
[JsonSerializable(typeof(WxaBusinessGetuserphonenumberRequest))]
[JsonSerializable(typeof(WxaBusinessGetuserphonenumberResponse))]
[JsonSerializable(typeof(UserInfoResponse))]
[JsonSerializable(typeof(MediaUploadResponse))]
[JsonSerializable(typeof(MenuCreateRequest))]
[JsonSerializable(typeof(QrcodeCreateRequest))]
[JsonSerializable(typeof(QrcodeCreateResponse))]
[JsonSerializable(typeof(ServiceGetSuiteTokenRequest))]
[JsonSerializable(typeof(ServiceGetSuiteTokenResponse))]
[JsonSerializable(typeof(ServiceGetPreAuthCodeResponse))]
[JsonSerializable(typeof(ServiceSetSessionInfoRequest))]
[JsonSerializable(typeof(ServiceGetPermanentCodeRequest))]
[JsonSerializable(typeof(ServiceGetPermanentCodeResponse))]
[JsonSerializable(typeof(ServiceGetAuthInfoRequest))]
[JsonSerializable(typeof(ServiceGetAuthInfoResponse))]
[JsonSerializable(typeof(ServiceGetCorpTokenRequest))]
[JsonSerializable(typeof(ServiceGetCorpTokenResponse))]
[JsonSerializable(typeof(ServiceAuthGetuserinfo3rdResponse))]
[JsonSerializable(typeof(ServiceAuthGetuserdetail3rdRequest))]
[JsonSerializable(typeof(ServiceAuthGetuserdetail3rdResponse))]
[JsonSerializable(typeof(MessageSendRequest))]
[JsonSerializable(typeof(MessageSendResponse))]
[JsonSerializable(typeof(MessageUpdateTemplateCardRequest))]
[JsonSerializable(typeof(MessageUpdateTemplateCardResponse))]
[JsonSerializable(typeof(UserGetResponse))]
[JsonSerializable(typeof(UserSimplelistResponse))]
[JsonSerializable(typeof(ExternalcontactGetResponse))]
[JsonSerializable(typeof(IdconvertUnionidToExternalUseridRequest))]
[JsonSerializable(typeof(IdconvertUnionidToExternalUseridResponse))]
[JsonSerializable(typeof(IdconvertExternalUseridToPendingIdRequest))]
[JsonSerializable(typeof(IdconvertExternalUseridToPendingIdResponse))]
[JsonSerializable(typeof(JsapiTicketResponse))]
public sealed partial class WechatJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The instance the clients use: like <see cref="JsonSerializerContext"/>'s Default, but Chinese text
    /// goes out as UTF-8 rather than \u escapes, so WeChat's byte-length limits apply to what a reader sees.
    /// </summary>
    public static WechatJsonContext Wire => _wire ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    // Built on first use: the generated Default lives in another part of this class, and static
    // initializers of partial parts run in no guaranteed order.
    private static WechatJsonContext? _wire;
}
