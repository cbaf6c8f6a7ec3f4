using System.Reflection;

namespace WeLink.Sandbox.Api;

/// <summary>
/// Every refusal the sandbox's platform APIs answer with, each with the errcode the real platform documents for that
/// case and the source of the fact. The table in the sandbox README is this list (a test holds them equal), and a
/// test drives each row over HTTP. Where the platform documents no code for a case, the row says which one the
/// sandbox chose and why.
/// </summary>
public static class Refusals
{
    private const string GlobalCodes = "[WeChat global return codes](https://developers.weixin.qq.com/doc/oplatform/Return_codes/Return_code_descriptions_new.html)";
    private const string ComponentTokenPage = "[令牌 return codes](https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/component_access_token.html)";
    private const string PreAuthCodePage = "[预授权码 return codes](https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/pre_auth_code.html)";
    private const string WecomGlobalCodes = "[WeCom global error codes, doc 90313](https://developer.work.weixin.qq.com/document/path/90313) (as listed in WxJava `WxCpErrorMsgEnum`)";
    private const string WrongTokenAnswer = "[staff answer: component token on an account API](https://developers.weixin.qq.com/community/develop/doc/00082a84564940ce9acec59875b800)";
    private const string Unauthorized61003 = "[staff answer: account not authorized to the component](https://developers.weixin.qq.com/community/develop/doc/000208f8ce40b0d94552f734f6e400)";
    private const string OAuthCode40029 = "[staff answer: 40029 = expired, reused, wrong, or another appid's code](https://developers.weixin.qq.com/community/minihome/doc/00000ca9a30220eb81432af986b400)";
    private const string WaveTwo = "protocol-wave2.md §9";

    /// <summary>Refusals every API of a host shares.</summary>
    public static class Common
    {
        public static readonly WxRefusal BadJson = new(
            "every API that takes a JSON body (both hosts)", "the body is not JSON of the API's shape", 47001, "data format error",
            $"{ComponentTokenPage}; [staff answer: body not JSON](https://developers.weixin.qq.com/community/develop/doc/000ce684994c98863e9d8f7db5b800). WeCom documents no code for it; the sandbox answers as WeChat does");

        public static readonly WxRefusal DailyQuota = new(
            "every API (both hosts)", "more calls today than `Sandbox:Quotas` allows", 45009, "reach max api daily quota limit",
            $"{ComponentTokenPage}; {WecomGlobalCodes}");
    }

    /// <summary>A bad token on the OA host: component, authorizer and consumer OAuth tokens alike.</summary>
    public static class WechatToken
    {
        private const string Apis = "component APIs, account APIs, `sns/userinfo`";

        public static readonly WxRefusal Missing = new(Apis, "no token in the query", 41001, "access_token missing", GlobalCodes);

        public static readonly WxRefusal Invalid = new(
            Apis, "a token the sandbox never issued, or one withdrawn by de-authorization", 40001,
            "invalid credential, access_token is invalid or not latest", $"{ComponentTokenPage}; {PreAuthCodePage}");

        public static readonly WxRefusal NotLatest = new(
            Apis, "a newer token of the same subject was issued more than 5 minutes ago", 40001,
            "invalid credential, access_token is invalid or not latest",
            "[staff answer: refreshing expires the old token](https://developers.weixin.qq.com/community/develop/doc/00066c22f1cee08a6fcf0c7e656400); protocol.md §2.2");

        public static readonly WxRefusal Expired = new(Apis, "the token is older than 7200 s", 42001, "access_token expired", PreAuthCodePage);

        public static readonly WxRefusal WrongKind = new(
            Apis, "a token of the wrong kind (e.g. the component token on an account API, an authorizer token as `component_access_token`)",
            48001, "api unauthorized", $"{WrongTokenAnswer}; {PreAuthCodePage}");
    }

    /// <summary>The open platform's component APIs (protocol.md §2).</summary>
    public static class Component
    {
        public static readonly WxRefusal PushTicketAppId = new(
            "`cgi-bin/component/api_start_push_ticket`", "`component_appid` is not the component", 40013, "invalid appid",
            "[startPushTicket error codes](https://developers.weixin.qq.com/doc/oplatform/openApi/ticket-token/api_startpushticket.html)");

        public static readonly WxRefusal PushTicketSecret = new(
            "`cgi-bin/component/api_start_push_ticket`", "`component_secret` is wrong", 40125, "invalid appsecret", GlobalCodes);

        public static readonly WxRefusal TokenNotComponent = new(
            "`cgi-bin/component/api_component_token`", "`component_appid` is empty or not the component", 61011, "invalid component",
            $"{ComponentTokenPage}; [staff answer: a non-component appid](https://developers.weixin.qq.com/community/develop/doc/00046283f3cde0f208cfca7a951000)");

        public static readonly WxRefusal TokenSecretMissing = new(
            "`cgi-bin/component/api_component_token`", "`component_appsecret` is empty", 41004, "appsecret missing", ComponentTokenPage);

        public static readonly WxRefusal TokenSecretWrong = new(
            "`cgi-bin/component/api_component_token`", "`component_appsecret` is wrong", 40125, "invalid appsecret", ComponentTokenPage);

        public static readonly WxRefusal TicketInvalid = new(
            "`cgi-bin/component/api_component_token`", "`component_verify_ticket` is empty or was never pushed", 61006,
            "component ticket is invalid",
            $"{ComponentTokenPage}; [staff answer: an empty ticket](https://developers.weixin.qq.com/community/develop/doc/00066c22f1cee08a6fcf0c7e656400)");

        public static readonly WxRefusal TicketExpired = new(
            "`cgi-bin/component/api_component_token`", "the ticket was pushed more than 12 h ago", 61005, "component ticket is expired",
            $"{ComponentTokenPage}; [live answer](https://developers.weixin.qq.com/community/develop/doc/000208e7ce04d8d50930bbb9366400)");

        public static readonly WxRefusal PreAuthCodeComponent = new(
            "`cgi-bin/component/api_create_preauthcode`", "`component_appid` is not the token's component", 61011, "invalid component",
            PreAuthCodePage);

        public static readonly WxRefusal AuthorizationCodeInvalid = new(
            "`cgi-bin/component/api_query_auth`", "the code is unknown, already used, or a pre_auth_code", 61009, "code is invalid",
            $"[staff answer: 61009 causes](https://developers.weixin.qq.com/community/develop/doc/0002ca075c44180dd2022811c65c00); {WaveTwo} (a reused code: reports differ, the sandbox says invalid)");

        public static readonly WxRefusal AuthorizationCodeExpired = new(
            "`cgi-bin/component/api_query_auth`", "the code is older than 600 s", 61010, "code is expired",
            $"[live answer](https://developers.weixin.qq.com/community/develop/doc/0006c2dd65c7a00a46909a7e664400); {WaveTwo}");

        public static readonly WxRefusal QueryAuthWithdrawn = new(
            "`cgi-bin/component/api_query_auth`", "the account withdrew its authorization after the code was issued", 61003,
            "component is not authorized by this account", Unauthorized61003);

        public static readonly WxRefusal AuthorizerAppIdMissing = new(
            "`cgi-bin/component/api_authorizer_token`, `api_get_authorizer_info`", "no `authorizer_appid` in the body", 41002,
            "appid missing", GlobalCodes);

        public static readonly WxRefusal NotAuthorized = new(
            "`cgi-bin/component/api_authorizer_token`, `api_get_authorizer_info`", "the account never authorized the component, or withdrew",
            61003, "component is not authorized by this account",
            $"{Unauthorized61003}; [staff answer on api_authorizer_token](https://developers.weixin.qq.com/community/develop/doc/0000c454bf4000e068d265cef6bc00)");

        public static readonly WxRefusal RefreshTokenInvalid = new(
            "`cgi-bin/component/api_authorizer_token`", "`authorizer_refresh_token` is not the account's current one", 61023,
            "refresh_token is invalid",
            "[staff answer: recover it from api_get_authorizer_list](https://developers.weixin.qq.com/community/develop/doc/000eeaa7fd4918241ccc56eb256000); protocol.md §2.2");

        public static readonly WxRefusal AuthorizerListArgs = new(
            "`cgi-bin/component/api_get_authorizer_list`", "`count` outside 1..500 or a negative `offset`", 40097, "invalid args", GlobalCodes);
    }

    /// <summary>Consumer web OAuth on behalf of an account (protocol.md §4).</summary>
    public static class OAuth
    {
        private const string Exchange = "`sns/oauth2/component/access_token`";

        public static readonly WxRefusal ComponentMismatch = new(
            "`sns/oauth2/component/access_token`, `refresh_token`", "`component_appid` is not the token's component", 61011,
            "invalid component", ComponentTokenPage);

        public static readonly WxRefusal CodeMissing = new(
            Exchange, "no `code` in the query", 41008, "missing code",
            $"{GlobalCodes}; [live answer on this API](https://developers.weixin.qq.com/community/personal/oCJUswzquJhDFxH3z4pg0mKmrKBY/question)");

        public static readonly WxRefusal CodeInvalid = new(
            Exchange, "the code is unknown or was issued for another `appid`", 40029, "invalid code", OAuthCode40029);

        public static readonly WxRefusal CodeExpired = new(
            Exchange, "the code is older than 300 s", 40029, "invalid code",
            $"{OAuthCode40029}; {WaveTwo} (42003 is in the global table, but live expired codes answer 40029)");

        public static readonly WxRefusal CodeUsed = new(
            Exchange, "the code was already exchanged", 40163, "code been used", $"WxJava `WxMpErrorMsgEnum`; {WaveTwo}");

        public static readonly WxRefusal RefreshTokenExpired = new(
            "`sns/oauth2/component/refresh_token`", "the refresh token is older than 30 days", 42002, "refresh_token expired",
            $"{GlobalCodes}; WxJava `WxMpErrorMsgEnum`");

        public static readonly WxRefusal RefreshTokenInvalid = new(
            "`sns/oauth2/component/refresh_token`", "the refresh token is unknown or belongs to another `appid`", 40030,
            "invalid refresh_token", $"{GlobalCodes}; WxJava `WxMpErrorMsgEnum`");

        public static readonly WxRefusal BaseScope = new(
            "`sns/userinfo`", "the token was granted with `snsapi_base`", 48001, "api unauthorized",
            $"{GlobalCodes}; [网页授权: snsapi_base yields the openid only](https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html)");

        public static readonly WxRefusal OpenIdMismatch = new(
            "`sns/userinfo`", "`openid` is not the token's consumer", 40003, "invalid openid", GlobalCodes);
    }

    /// <summary>The component's mini-program login, <c>sns/component/jscode2session</c> (protocol-wave2.md §1.2).</summary>
    public static class MiniProgramLogin
    {
        private const string Api = "`sns/component/jscode2session`";
        private const string LoginDoc = "[小程序登录 (thirdpartyCode2Session)](https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/login/thirdpartyCode2Session.html)";

        public static readonly WxRefusal ComponentMismatch = new(
            Api, "`component_appid` is not the token's component", 61011, "invalid component", ComponentTokenPage);

        public static readonly WxRefusal CodeMissing = new(Api, "no `js_code` in the query", 41008, "missing code", GlobalCodes);

        public static readonly WxRefusal NotAuthorized = new(
            Api, "the mini program never authorized the component, or withdrew", 61003,
            "component is not authorized by this account", $"{LoginDoc}; {Unauthorized61003}");

        public static readonly WxRefusal CodeInvalid = new(
            Api, "the code is unknown or was issued in another mini program", 40029, "invalid code", $"{LoginDoc}; {OAuthCode40029}");

        public static readonly WxRefusal CodeExpired = new(
            Api, "the code is older than 300 s", 40029, "invalid code", $"{LoginDoc}; protocol-wave2.md §1.2 (valid for 5 min)");

        public static readonly WxRefusal CodeUsed = new(
            Api, "the code was already exchanged", 40163, "code been used", "WxJava `WxMpErrorMsgEnum`; protocol-wave2.md §1.2");
    }

    /// <summary>Official-account APIs called with an authorizer token (protocol.md §4).</summary>
    public static class OfficialAccount
    {
        private const string TemplateSend = "[发送模板消息](https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html); protocol-wave2.md §3";

        private const string TemplateAdd = "[选用模板](https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html); protocol-wave2.md §3";

        public static readonly WxRefusal NoticesNeedVerifiedService = new(
            "`cgi-bin/message/template/send`, `subscribe/bizsend`, `template/api_add_template`", "the account is not a verified service account", 48001, "api unauthorized",
            TemplateSend);

        public static readonly WxRefusal TemplateUnknown = new(
            "`cgi-bin/message/template/send`, `subscribe/bizsend`", "`template_id` is not one of the account's", 40037, "invalid template_id",
            TemplateSend);

        public static readonly WxRefusal LibraryTemplateUnknown = new(
            "`cgi-bin/template/api_add_template`", "`template_id_short` is not a template of the library", 40037, "invalid template_id", TemplateAdd);

        public static readonly WxRefusal KeywordNames = new(
            "`cgi-bin/template/api_add_template`", "`keyword_name_list` empty, repeating a name, or naming a keyword the template does not offer",
            40246, "invalid keyword name", $"{TemplateAdd}; the errmsg is the sandbox's choice");

        public static readonly WxRefusal TemplateSlotsFull = new(
            "`cgi-bin/template/api_add_template`", "the account already holds 25 templates (the cap is unconfirmed)", 45026,
            "template num exceeds limit", $"{TemplateAdd}; the errmsg is the sandbox's choice");

        public static readonly WxRefusal OpenIdUnknown = new(
            "`cgi-bin/message/{template/send,subscribe/bizsend,custom/send}`, `cgi-bin/user/info`", "`touser`/`openid` is not a follower id of the account",
            40003, "invalid openid", $"{GlobalCodes}; protocol-wave2.md §3, §4.1");

        public static readonly WxRefusal NotFollowing = new(
            "`cgi-bin/message/template/send`", "the consumer does not follow the account", 43004, "require subscribe", TemplateSend);

        public static readonly WxRefusal NoSubscription = new(
            "`cgi-bin/message/subscribe/bizsend`", "the consumer has no unused consent for the template", 43101, "user refuse to accept the msg",
            "protocol.md §4; protocol-wave2.md §2.2");

        public static readonly WxRefusal MessageType = new(
            "`cgi-bin/message/custom/send`", "`msgtype` unknown or its payload missing", 40008, "invalid message type", GlobalCodes);

        public static readonly WxRefusal OutsideWindow = new(
            "`cgi-bin/message/custom/send`", "no interaction in the last 48 h, or the consumer unfollowed", 45015,
            "response out of time limit or subscription is canceled",
            "[客服消息](https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html); protocol-wave2.md §4.1");

        public static readonly WxRefusal CustomMiniProgramAppId = new(
            "`cgi-bin/message/custom/send`", "a `miniprogrampage` card's `appid` is not a mini program associated with the account (in the sandbox: of the same owner)",
            40166, "invalid weapp appid", $"{GlobalCodes}; protocol-wave2.md §4.1 (the mini program must be associated with the OA)");

        public static readonly WxRefusal CustomMiniProgramCard = new(
            "`cgi-bin/message/custom/send`", "a `miniprogrampage` card without `title` or `pagepath`, or whose `thumb_media_id` is not media the account uploaded in the last 3 days",
            40007, "invalid media_id", $"{GlobalCodes}; protocol-wave2.md §4.1 (`{{title, appid, pagepath, thumb_media_id}}`)");

        public static readonly WxRefusal MediaUploadType = new(
            "`cgi-bin/media/upload`", "`type` is not image, voice, video or thumb", 40004, "invalid media type",
            $"{GlobalCodes}; [新增临时素材](https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/New_temporary_materials.html)");

        public static readonly WxRefusal MediaUploadMissing = new(
            "`cgi-bin/media/upload`", "no file in the multipart field `media`", 41005, "media data missing",
            $"{GlobalCodes}; [新增临时素材](https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/New_temporary_materials.html)");

        public static readonly WxRefusal MediaUnknown = new(
            "`cgi-bin/media/get`", "`media_id` is not media of the account, or is older than 3 days", 40007, "invalid media_id",
            $"{GlobalCodes}; [获取临时素材](https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_temporary_materials.html) (kept 3 days)");

        public static readonly WxRefusal MenuButtons = new(
            "`cgi-bin/menu/create`", "not 1 to 3 top-level buttons", 40016, "invalid button size", $"{GlobalCodes}; protocol-wave2.md §4.3");

        public static readonly WxRefusal MenuMiniProgramAppId = new(
            "`cgi-bin/menu/create`", "a `miniprogram` button's `appid` is not a mini program associated with the account (in the sandbox: of the same owner)",
            40166, "invalid weapp appid", $"{GlobalCodes}; protocol-wave2.md §4.3");

        public static readonly WxRefusal MenuMiniProgramPage = new(
            "`cgi-bin/menu/create`", "a `miniprogram` button without `pagepath`", 40165, "invalid weapp pagepath", $"{GlobalCodes}; protocol-wave2.md §4.3");

        public static readonly WxRefusal MenuMiniProgramUrl = new(
            "`cgi-bin/menu/create`", "a `miniprogram` button without `url` (required: the page for clients without mini programs)", 40020, "invalid button url size",
            "protocol-wave2.md §4.3; WeChat documents no code for a missing url, the sandbox answers the url-size code (40027 in a sub-menu)");

        public static readonly WxRefusal QrCodeNeedsVerifiedService = new(
            "`cgi-bin/qrcode/create`", "the account is not a verified service account", 48001, "api unauthorized",
            "[生成带参数的二维码](https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html)");

        public static readonly WxRefusal QrCodeActionInfo = new(
            "`cgi-bin/qrcode/create`", "`action_name` unknown or its `scene_id`/`scene_str` missing", 40053, "invalid action info",
            GlobalCodes);
    }

    /// <summary>A mini program's subscribe messages, called with its authorizer token (protocol-wave2.md §2).</summary>
    public static class MiniProgramSubscribe
    {
        private const string AddTemplate = "[addTemplate (订阅消息)](https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/addMessageTemplate.html); protocol-wave2.md §2.1";

        private const string Send = "[发送订阅消息](https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html); protocol-wave2.md §2.2";

        public static readonly WxRefusal NotMiniProgram = new(
            "`wxaapi/newtmpl/addtemplate`, `cgi-bin/message/subscribe/send`, `wxa/business/getuserphonenumber`", "the token's account is not a mini program", 48001, "api unauthorized",
            $"{GlobalCodes}; the sandbox's choice for an official account's token (its subscribe notices are `subscribe/bizsend`)");

        public static readonly WxRefusal TidUnknown = new(
            "`wxaapi/newtmpl/addtemplate`", "`tid` is not a title of the library", 200014, "invalid tid", AddTemplate);

        public static readonly WxRefusal KidList = new(
            "`wxaapi/newtmpl/addtemplate`", "`kidList` is not 2 to 5 different keyword ids the title offers", 200020, "invalid kidList", AddTemplate);

        public static readonly WxRefusal SceneDesc = new(
            "`wxaapi/newtmpl/addtemplate`", "`sceneDesc` longer than 15 characters", 200021, "invalid sceneDesc", AddTemplate);

        public static readonly WxRefusal SlotsFull = new(
            "`wxaapi/newtmpl/addtemplate`", "the mini program already holds 25 templates", 200012, "private template count reach max", AddTemplate);

        public static readonly WxRefusal TemplateUnknown = new(
            "`cgi-bin/message/subscribe/send`", "`template_id` is not one of the mini program's", 40037, "invalid template_id", Send);

        public static readonly WxRefusal OpenIdUnknown = new(
            "`cgi-bin/message/subscribe/send`", "`touser` is not an openid of the mini program", 40003, "invalid openid", Send);

        public static readonly WxRefusal DataInvalid = new(
            "`cgi-bin/message/subscribe/send`", "a `data` key the template does not have, or a value breaking its key's rule (`thing` ≤ 20 characters, `phrase` ≤ 5 Chinese characters, `time` a time…)",
            47003, "argument invalid! data invalid", $"{Send}; §2.3 (WeChat's errmsg also names the field)");

        public static readonly WxRefusal NoAcceptance = new(
            "`cgi-bin/message/subscribe/send`", "the consumer has no acceptance of the template left (one acceptance allows one message)", 43101,
            "user refuse to accept the msg", $"{Send}; §2.4");
    }

    /// <summary>A mini program's getuserphonenumber, called with its authorizer token (protocol-wave2.md §1.5).</summary>
    public static class MiniProgramPhone
    {
        private const string Api = "`wxa/business/getuserphonenumber`";
        private const string PhoneDoc = "[getPhoneNumber (手机号快速验证)](https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html); protocol-wave2.md §1.5";
        private const string Code40029 = "[staff answer: 40029 = expired, reused, wrong, or another appid's code](https://developers.weixin.qq.com/community/develop/doc/0002c8f70c84c8c726f166df166c00)";

        public static readonly WxRefusal CodeInvalid = new(
            Api, "the code is missing, unknown (a wx.login code included), another mini program's, or not the consumer's of the `openid` given", 40029, "invalid code",
            $"{PhoneDoc}; {Code40029} (the openid check is the doc's; its errcode is the sandbox's choice)");

        public static readonly WxRefusal CodeExpired = new(Api, "the code is older than 300 s", 40029, "invalid code", $"{PhoneDoc}; {Code40029}");

        public static readonly WxRefusal CodeUsed = new(Api, "the code was already exchanged", 40029, "invalid code", $"{PhoneDoc}; {Code40029}");
    }

    /// <summary>Binding an account to an open-platform account, <c>cgi-bin/open/*</c> with its authorizer token (protocol-wave2.md §1.6).</summary>
    public static class OpenPlatform
    {
        private const string Docs = "protocol-wave2.md §1.6 (docs «创建开放平台账号并绑定公众号/小程序», «将公众号/小程序绑定到开放平台账号下», «将公众号/小程序从开放平台账号下解绑», «获取公众号/小程序所绑定的开放平台账号»)";

        public static readonly WxRefusal AppIdMismatch = new(
            "`cgi-bin/open/{create,bind,unbind,get}`", "`appid` in the body is not the token's account", 40013, "invalid appid", Docs);

        public static readonly WxRefusal OpenAppIdUnknown = new(
            "`cgi-bin/open/{bind,unbind}`", "`open_appid` is no open-platform account (bind), or not the one the account is bound to (unbind)", 40013, "invalid appid",
            $"{Docs}; unbind's doc lists no code for another open_appid, the sandbox answers 40013");

        public static readonly WxRefusal AlreadyBound = new(
            "`cgi-bin/open/{create,bind}`", "the account is already bound to an open-platform account", 89000, "account has bound open", Docs);

        public static readonly WxRefusal NotSameSubject = new(
            "`cgi-bin/open/bind`", "the open-platform account is another owner's (another subject)", 89001, "not same contractor", Docs);

        public static readonly WxRefusal NotBound = new(
            "`cgi-bin/open/get`", "the account is bound to no open-platform account", 89002, "open not exists", Docs);

        public static readonly WxRefusal NotCreatedByApi = new(
            "`cgi-bin/open/unbind`", "the open-platform account was made in the console, not by `open/create`", 89003, "this open account is not created by api", Docs);
    }

    /// <summary>A bad suite_access_token on the WeCom host's service APIs (protocol.md §3.1).</summary>
    public static class SuiteToken
    {
        private const string Apis = "`cgi-bin/service/*` but `get_suite_token`";

        public static readonly WxRefusal Missing = new(Apis, "no `suite_access_token` in the query", 41022, "missing suite_access_token", WecomGlobalCodes);

        public static readonly WxRefusal Invalid = new(
            Apis, "a token never issued, of another kind, or replaced more than 5 minutes ago", 40082, "invalid suite_access_token",
            $"{WecomGlobalCodes}; [staff answer: a token that does not exist](https://developers.weixin.qq.com/community/enterprisewechat/doc/000026441bc8609493fa816a05bc00)");

        public static readonly WxRefusal Expired = new(Apis, "the token is older than 7200 s", 42009, "suite_access_token expired", WecomGlobalCodes);
    }

    /// <summary>The WeCom suite's service APIs (protocol.md §3).</summary>
    public static class Suite
    {
        public static readonly WxRefusal SuiteIdUnknown = new(
            "`cgi-bin/service/get_suite_token`", "`suite_id` is not the suite", 40083, "invalid suite_id",
            $"{WecomGlobalCodes}; [live answer](https://developers.weixin.qq.com/community/develop/doc/000ce460fc8db0435feb0ae6a51400)");

        public static readonly WxRefusal SuiteSecretWrong = new(
            "`cgi-bin/service/get_suite_token`", "`suite_secret` is wrong", 40080, "invalid suite_secret", WecomGlobalCodes);

        public static readonly WxRefusal SuiteTicketInvalid = new(
            "`cgi-bin/service/get_suite_token`", "`suite_ticket` never pushed, or pushed more than 30 min ago (one code for both)", 40085,
            "invalid suite_ticket",
            $"{WecomGlobalCodes} (\"不存在或者已失效\"); [staff answer: an expired ticket](https://developers.weixin.qq.com/community/enterprisewechat/doc/000648a1b8824017f30dfa3c656800)");

        public static readonly WxRefusal PreAuthCodeInvalid = new(
            "`cgi-bin/service/set_session_info`", "`pre_auth_code` unknown or already used for an install", 40077, "invalid pre_auth_code",
            $"{WecomGlobalCodes}; {WaveTwo}");

        public static readonly WxRefusal PreAuthCodeExpired = new(
            "`cgi-bin/service/set_session_info`", "`pre_auth_code` older than 1200 s", 42007, "pre_auth_code expired",
            $"{WecomGlobalCodes}; {WaveTwo}");

        public static readonly WxRefusal SessionAuthType = new(
            "`cgi-bin/service/set_session_info`", "`session_info.auth_type` is not 0 or 1", 40058, "invalid parameter: auth_type",
            $"{WecomGlobalCodes} (40058: a parameter outside what the API accepts)");

        public static readonly WxRefusal AuthCodeInvalid = new(
            "`cgi-bin/service/{,v2/}get_permanent_code`", "`auth_code` unknown, used, older than 600 s, or its install was undone (one code for all)",
            40078, "invalid auth_code", $"{WecomGlobalCodes}; protocol.md §3.2");

        public static readonly WxRefusal PermanentCodeInvalid = new(
            "`cgi-bin/service/{,v2/}get_auth_info`, `get_corp_token`", "`permanent_code` is not the corp's, or the corp uninstalled", 40084,
            "invalid permanent_code", $"{WecomGlobalCodes}; protocol.md §3.2");

        public static readonly WxRefusal OAuthCodeMissing = new(
            "`cgi-bin/service/{auth/,}getuserinfo3rd`", "no `code` in the query", 41008, "missing code", WecomGlobalCodes);

        public static readonly WxRefusal OAuthCodeInvalid = new(
            "`cgi-bin/service/{auth/,}getuserinfo3rd`", "the code is unknown, used, or older than 300 s (one code for all)", 40029, "invalid code",
            $"{WecomGlobalCodes}; [staff answer: single use, 5 minutes](https://developers.weixin.qq.com/community/develop/doc/000e629c11ca80f1b03c3ce1351000)");

        public static readonly WxRefusal UserTicketMissing = new(
            "`cgi-bin/service/{auth/,}getuserdetail3rd`", "no `user_ticket` in the body", 84090, "missing user_ticket", WecomGlobalCodes);

        public static readonly WxRefusal UserTicketInvalid = new(
            "`cgi-bin/service/{auth/,}getuserdetail3rd`", "the user_ticket was never issued", 84015, "invalid user_ticket",
            $"{WecomGlobalCodes}; {WaveTwo}");

        public static readonly WxRefusal UserTicketExpired = new(
            "`cgi-bin/service/{auth/,}getuserdetail3rd`", "the user_ticket is older than 1800 s", 84014, "user_ticket expired",
            $"{WecomGlobalCodes}; {WaveTwo}");
    }

    /// <summary>A bad corp access_token on the WeCom host (protocol.md §3.6).</summary>
    public static class CorpToken
    {
        private const string Apis = "`cgi-bin/message/*`, `cgi-bin/user/*`, `cgi-bin/externalcontact/get`, `cgi-bin/get_jsapi_ticket`, `cgi-bin/ticket/get`";

        public static readonly WxRefusal Missing = new(Apis, "no `access_token` in the query", 41001, "missing access_token", WecomGlobalCodes);

        public static readonly WxRefusal Invalid = new(
            Apis, "a token never issued, of another kind, replaced more than 5 minutes ago, or the corp uninstalled", 40014,
            "invalid access_token",
            $"{WecomGlobalCodes}. After an uninstall WeCom documents no separate code; the sandbox answers as for any dead token");

        public static readonly WxRefusal Expired = new(Apis, "the token is older than 7200 s", 42001, "access_token expired", WecomGlobalCodes);
    }

    /// <summary>WeCom APIs called with an installed corp's token (protocol.md §3.6, protocol-wave2.md §8).</summary>
    public static class Corp
    {
        public static readonly WxRefusal AgentId = new(
            "`cgi-bin/message/send`, `update_template_card`", "`agentid` is not the app's agent in that corp", 40056, "invalid agentid",
            WecomGlobalCodes);

        public static readonly WxRefusal MessageType = new(
            "`cgi-bin/message/send`", "`msgtype` unknown or its payload missing", 40008, "invalid message type", WecomGlobalCodes);

        public static readonly WxRefusal TaskIdMissing = new(
            "`cgi-bin/message/send`", "an interactive `template_card` (or one with `action_menu`) without `task_id`", 40058,
            "invalid parameter: task_id is required",
            "[发送应用消息: task_id required for these cards](https://developer.work.weixin.qq.com/document/path/90372); no dedicated code documented, 40058 is the global \"invalid parameter\"");

        public static readonly WxRefusal NoValidRecipient = new(
            "`cgi-bin/message/send`", "no `touser` is a member of the corp", 81013, "user & party & tag all invalid",
            $"{WecomGlobalCodes}; protocol.md §3.6");

        public static readonly WxRefusal ResponseCodeInvalid = new(
            "`cgi-bin/message/update_template_card`", "`response_code` unknown, used, older than 72 h, or another corp's", 40058,
            "invalid parameter: response_code",
            $"[更新模版卡片消息](https://developer.work.weixin.qq.com/document/path/94945) lists no code for it; {WaveTwo} (the sandbox picks 40058, \"invalid parameter\")");

        public static readonly WxRefusal UserUnknown = new(
            "`cgi-bin/user/get`", "`userid` is not a member of the corp", 60111, "userid not found", WecomGlobalCodes);

        public static readonly WxRefusal DepartmentUnknown = new(
            "`cgi-bin/user/simplelist`", "`department_id` is not a department of the corp", 60123, "invalid party id", WecomGlobalCodes);

        public static readonly WxRefusal TicketType = new(
            "`cgi-bin/ticket/get`", "`type` is not `agent_config`", 40058, "invalid parameter: type",
            $"[获取应用的jsapi_ticket](https://developer.work.weixin.qq.com/document/path/90506) names only `agent_config`; no dedicated code documented, 40058 is the global \"invalid parameter\" ({WecomGlobalCodes})");

        public static readonly WxRefusal NotExternalContact = new(
            "`cgi-bin/externalcontact/get`", "`external_userid` is not a contact of the corp, or no member follows them any more", 84061, "not external contact",
            $"{WecomGlobalCodes}; protocol-wave2.md §7.2");

        public static readonly WxRefusal IdConvertParameter = new(
            "`cgi-bin/idconvert/unionid_to_external_userid`", "`unionid` or `openid` missing, or `subject_type` not 0 or 1", 40058,
            "invalid parameter",
            $"[unionid与external_userid的关联, doc 97108](https://developer.work.weixin.qq.com/document/path/97108) names the fields; no dedicated code documented, 40058 is the global \"invalid parameter\" ({WecomGlobalCodes})");

        public static readonly WxRefusal UnionIdSubjectMismatch = new(
            "`cgi-bin/idconvert/unionid_to_external_userid`",
            "the `openid` is no account's, the `unionid` is not what that account's open-platform account gives the person, the account, open-platform account and corp are not one subject (subject_type 0), or subject_type 1 (the sandbox models no provider subject)",
            845003,
            "unionid and corp subject not match",
            "errcode and errmsg as WeCom answered live in [a community thread](https://developers.weixin.qq.com/community/personal/oCJUsw88KDrtK4Q_qNQXgQFf_VPA/follow); the rules are doc 93274's (同一小程序获取; 主体一致) and protocol-wave2.md §7.3. WeCom documents no separate code for an openid/unionid pair from two accounts, so the sandbox answers it alike (unconfirmed)");

        public static readonly WxRefusal PendingIdBatch = new(
            "`cgi-bin/idconvert/batch/external_userid_to_pending_id`", "`external_userid` not a list of 1–100 strings", 40058,
            "invalid parameter: external_userid",
            $"rails_wechat `id_convert.rb` and doc 97108 (≤100 a call); no dedicated code documented, 40058 is the global \"invalid parameter\" ({WecomGlobalCodes})");
    }

    /// <summary>
    /// Every refusal above in declaration order, named <c>Group.Field</c> (for example <c>Component.TicketExpired</c>).
    /// Read by reflection so that a new row cannot be left out of the README or the tests.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, WxRefusal>> All { get; } = [.. typeof(Refusals).GetNestedTypes()
        .SelectMany(group => group.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(WxRefusal))
            .Select(field => KeyValuePair.Create($"{group.Name}.{field.Name}", (WxRefusal)field.GetValue(null)!)))];
}
