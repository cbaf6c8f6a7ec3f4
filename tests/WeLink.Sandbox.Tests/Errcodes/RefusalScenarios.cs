using System.Text;
using System.Text.Json;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Errcodes;

/// <summary>How a caller meets one refusal of the catalogue; <see cref="Settings"/> configure the sandbox it needs.</summary>
public sealed record RefusalScenario(Func<SandboxHost, Task<JsonElement>> Act, IReadOnlyDictionary<string, string?>? Settings = null);

/// <summary>
/// One scenario per row of <c>Refusals.All</c>, keyed by the row's name: each sets up everything right but the one
/// thing the row's condition names, then makes the call the way a WeChat client would.
/// </summary>
public static class RefusalScenarios
{
    private const string Component = "wechat/cgi-bin/component";
    private const string Service = "wecom/cgi-bin/service";

    public static IReadOnlyDictionary<string, RefusalScenario> All { get; } = new Dictionary<string, RefusalScenario>
    {
        ["Common.BadJson"] = new(host => PostRawAsync(host, $"{Component}/api_component_token", "component_appid=wx")),
        ["Common.DailyQuota"] = new(
            async host =>
            {
                await host.RequestComponentTokenAsync("any");
                return await host.RequestComponentTokenAsync("any");
            },
            new Dictionary<string, string?> { ["Sandbox:Quotas:DailyBudgets:cgi-bin/component/api_component_token"] = "1" }),

        ["WechatToken.Missing"] = new(host => host.AuthorizerListAsync("")),
        ["WechatToken.Invalid"] = new(host => host.AuthorizerListAsync("not-a-token")),
        ["WechatToken.NotLatest"] = new(async host =>
        {
            var first = await host.ComponentTokenAsync();
            await host.ComponentTokenAsync();
            host.Advance(TimeSpan.FromMinutes(5));
            return await host.AuthorizerListAsync(first);
        }),
        ["WechatToken.Expired"] = new(async host =>
        {
            var token = await host.ComponentTokenAsync();
            host.Advance(TimeSpan.FromSeconds(7200));
            return await host.AuthorizerListAsync(token);
        }),
        ["WechatToken.WrongKind"] = new(async host => await host.AuthorizerListAsync((await AccountAsync(host)).AccessToken)),

        ["Component.PushTicketAppId"] = new(host => host.Client.PostJsonAsync(
            $"{Component}/api_start_push_ticket", new { component_appid = "wxnotthecomponent", component_secret = SandboxHost.ComponentSecret })),
        ["Component.PushTicketSecret"] = new(host => host.Client.PostJsonAsync(
            $"{Component}/api_start_push_ticket", new { component_appid = SandboxHost.ComponentAppId, component_secret = "wrong" })),
        ["Component.TokenNotComponent"] = new(async host => await host.Client.PostJsonAsync($"{Component}/api_component_token", new
        {
            component_appid = "wxnotthecomponent",
            component_appsecret = SandboxHost.ComponentSecret,
            component_verify_ticket = await host.PushComponentTicketAsync(),
        })),
        ["Component.TokenSecretMissing"] = new(async host => await host.RequestComponentTokenAsync(await host.PushComponentTicketAsync(), secret: "")),
        ["Component.TokenSecretWrong"] = new(async host => await host.RequestComponentTokenAsync(await host.PushComponentTicketAsync(), secret: "wrong")),
        ["Component.TicketInvalid"] = new(host => host.RequestComponentTokenAsync("ticket@@@made-up")),
        ["Component.TicketExpired"] = new(async host =>
        {
            var ticket = await host.PushComponentTicketAsync();
            host.Advance(TimeSpan.FromHours(12));
            return await host.RequestComponentTokenAsync(ticket);
        }),
        ["Component.PreAuthCodeComponent"] = new(async host => await host.Client.PostJsonAsync(
            $"{Component}/api_create_preauthcode?component_access_token={await host.ComponentTokenAsync()}",
            new { component_appid = "wxnotthecomponent" })),
        ["Component.AuthorizationCodeInvalid"] = new(async host =>
            await host.QueryAuthAsync(await host.ComponentTokenAsync(), "queryauthcode@@@made-up")),
        ["Component.AuthorizationCodeExpired"] = new(async host =>
        {
            var token = await host.ComponentTokenAsync();
            var code = await host.ApproveComponentAsync(token, (await WorldView.ReadAsync(host)).VerifiedServiceAccount);
            host.Advance(TimeSpan.FromSeconds(600));
            return await host.QueryAuthAsync(token, code);
        }),
        ["Component.QueryAuthWithdrawn"] = new(async host =>
        {
            var token = await host.ComponentTokenAsync();
            var appId = (await WorldView.ReadAsync(host)).VerifiedServiceAccount;
            var code = await host.ApproveComponentAsync(token, appId);
            await host.Client.PostJsonAsync("control/component/unauthorize", new { appid = appId });
            return await host.QueryAuthAsync(token, code);
        }),
        ["Component.AuthorizerAppIdMissing"] = new(async host => await host.Client.PostJsonAsync(
            $"{Component}/api_authorizer_token?component_access_token={await host.ComponentTokenAsync()}",
            new { component_appid = SandboxHost.ComponentAppId, authorizer_refresh_token = "refreshtoken@@@any" })),
        ["Component.NotAuthorized"] = new(async host => await host.Client.PostJsonAsync(
            $"{Component}/api_authorizer_token?component_access_token={await host.ComponentTokenAsync()}",
            new
            {
                component_appid = SandboxHost.ComponentAppId,
                authorizer_appid = (await WorldView.ReadAsync(host)).VerifiedServiceAccount,
                authorizer_refresh_token = "refreshtoken@@@any",
            })),
        ["Component.RefreshTokenInvalid"] = new(async host =>
        {
            var account = await AccountAsync(host);
            return await host.Client.PostJsonAsync(
                $"{Component}/api_authorizer_token?component_access_token={account.ComponentToken}",
                new { component_appid = SandboxHost.ComponentAppId, authorizer_appid = account.AppId, authorizer_refresh_token = "refreshtoken@@@wrong" });
        }),
        ["Component.AuthorizerListArgs"] = new(async host => await host.Client.PostJsonAsync(
            $"{Component}/api_get_authorizer_list?component_access_token={await host.ComponentTokenAsync()}",
            new { component_appid = SandboxHost.ComponentAppId, offset = 0, count = 0 })),

        ["OAuth.ComponentMismatch"] = new(async host =>
        {
            var (account, code) = await ConsentAsync(host, "snsapi_base");
            return await ExchangeAsync(host, account, $"code={code}", componentAppId: "wxnotthecomponent");
        }),
        ["OAuth.CodeMissing"] = new(async host => await ExchangeAsync(host, await AccountAsync(host), "")),
        ["OAuth.CodeInvalid"] = new(async host => await ExchangeAsync(host, await AccountAsync(host), "code=made-up")),
        ["OAuth.CodeExpired"] = new(async host =>
        {
            var (account, code) = await ConsentAsync(host, "snsapi_base");
            host.Advance(TimeSpan.FromSeconds(300));
            return await ExchangeAsync(host, account, $"code={code}");
        }),
        ["OAuth.CodeUsed"] = new(async host =>
        {
            var (account, code) = await ConsentAsync(host, "snsapi_base");
            await ExchangeAsync(host, account, $"code={code}");
            return await ExchangeAsync(host, account, $"code={code}");
        }),
        ["MiniProgramLogin.ComponentMismatch"] = new(async host =>
        {
            var (miniProgram, code) = await MiniProgramLoginAsync(host);
            return await JsCode2SessionAsync(host, miniProgram, code, componentAppId: "wxnotthecomponent");
        }),
        ["MiniProgramLogin.CodeMissing"] = new(async host => await JsCode2SessionAsync(host, (await MiniProgramLoginAsync(host)).MiniProgram, "")),
        ["MiniProgramLogin.NotAuthorized"] = new(async host =>
        {
            var world = await WorldView.ReadAsync(host);
            var login = await host.Client.PostJsonAsync($"control/miniprogram/{world.MiniProgram}/login", new { consumer = world.ConsumerId(0) });
            var account = await AccountAsync(host);
            return await JsCode2SessionAsync(host, account, login.Text("code"), appId: world.MiniProgram);
        }),
        ["MiniProgramLogin.CodeInvalid"] = new(async host => await JsCode2SessionAsync(host, (await MiniProgramLoginAsync(host)).MiniProgram, "made-up")),
        ["MiniProgramLogin.CodeExpired"] = new(async host =>
        {
            var (miniProgram, code) = await MiniProgramLoginAsync(host);
            host.Advance(TimeSpan.FromSeconds(300));
            return await JsCode2SessionAsync(host, await host.AuthorizeAccountAsync(miniProgram.AppId), code);
        }),
        ["MiniProgramLogin.CodeUsed"] = new(async host =>
        {
            var (miniProgram, code) = await MiniProgramLoginAsync(host);
            await JsCode2SessionAsync(host, miniProgram, code);
            return await JsCode2SessionAsync(host, miniProgram, code);
        }),
        ["OAuth.RefreshTokenExpired"] = new(async host =>
        {
            var (account, code) = await ConsentAsync(host, "snsapi_base");
            var token = await ExchangeAsync(host, account, $"code={code}");
            host.Advance(TimeSpan.FromDays(30));
            return await RefreshAsync(host, account.AppId, await host.ComponentTokenAsync(), token.Text("refresh_token"));
        }),
        ["OAuth.RefreshTokenInvalid"] = new(async host =>
        {
            var account = await AccountAsync(host);
            return await RefreshAsync(host, account.AppId, account.ComponentToken, "made-up");
        }),
        ["OAuth.BaseScope"] = new(async host =>
        {
            var (account, code) = await ConsentAsync(host, "snsapi_base");
            var token = await ExchangeAsync(host, account, $"code={code}");
            return await UserInfoAsync(host, token.Text("access_token"), token.Text("openid"));
        }),
        ["OAuth.OpenIdMismatch"] = new(async host =>
        {
            var (account, code) = await ConsentAsync(host, "snsapi_userinfo");
            var token = await ExchangeAsync(host, account, $"code={code}");
            return await UserInfoAsync(host, token.Text("access_token"), "o-someone-else");
        }),

        ["OfficialAccount.NoticesNeedVerifiedService"] = new(async host =>
        {
            var world = await WorldView.ReadAsync(host);
            var account = await host.AuthorizeAccountAsync(world.AccountAppId("SubscriptionAccount", verified: true));
            var openId = await host.FollowAsync(world.ConsumerId(0), account.AppId);
            return await host.SendAsync("template/send", account.AccessToken, new { touser = openId, template_id = "any", data = new { } });
        }),
        ["OfficialAccount.TemplateUnknown"] = new(async host =>
        {
            var (account, openId, _) = await FollowerAsync(host);
            return await host.SendAsync("template/send", account.AccessToken, new { touser = openId, template_id = "nope", data = new { } });
        }),
        ["OfficialAccount.LibraryTemplateUnknown"] = new(async host =>
        {
            var (account, _, _) = await FollowerAsync(host);
            return await host.AddTemplateAsync(account.AccessToken, "99999", ["服务项目"]);
        }),
        ["OfficialAccount.KeywordNames"] = new(async host =>
        {
            var (account, _, _) = await FollowerAsync(host);
            return await host.AddTemplateAsync(account.AccessToken, "47317", ["服务项目", "不存在的关键词"]);
        }),
        ["OfficialAccount.TemplateSlotsFull"] = new(async host =>
        {
            var (account, _, _) = await FollowerAsync(host);
            var answer = default(JsonElement);
            for (var added = 0; added < 25; added++)
            {
                answer = await host.AddTemplateAsync(account.AccessToken, "47317", ["服务项目"]);
            }

            return answer;
        }),
        ["OfficialAccount.OpenIdUnknown"] = new(async host =>
        {
            var (account, _, templateId) = await FollowerAsync(host);
            return await host.SendAsync("template/send", account.AccessToken, new { touser = "o-nobody", template_id = templateId, data = new { } });
        }),
        ["OfficialAccount.NotFollowing"] = new(async host =>
        {
            var (account, openId, templateId) = await FollowerAsync(host);
            await host.ActAsync("unfollow", new { consumer_id = (await WorldView.ReadAsync(host)).ConsumerId(0), appid = account.AppId });
            return await host.SendAsync("template/send", account.AccessToken, new { touser = openId, template_id = templateId, data = new { } });
        }),
        ["OfficialAccount.NoSubscription"] = new(async host =>
        {
            var (account, openId, _) = await FollowerAsync(host);
            var templateId = (await WorldView.ReadAsync(host)).Account(account.AppId).GetProperty("subscribe_templates")[0].Text("template_id");
            return await host.SendAsync("subscribe/bizsend", account.AccessToken, new { touser = openId, template_id = templateId, data = new { } });
        }),
        ["MiniProgramSubscribe.NotMiniProgram"] = new(async host =>
            await host.AddSubscribeTemplateAsync((await AccountAsync(host)).AccessToken, new { tid = MiniPrograms.StatusTid, kidList = MiniPrograms.StatusKids })),
        ["MiniProgramSubscribe.TidUnknown"] = new(async host =>
            await host.AddSubscribeTemplateAsync((await MiniProgramAsync(host)).AccessToken, new { tid = "99999", kidList = MiniPrograms.StatusKids })),
        ["MiniProgramSubscribe.KidList"] = new(async host =>
            await host.AddSubscribeTemplateAsync((await MiniProgramAsync(host)).AccessToken, new { tid = MiniPrograms.StatusTid, kidList = new[] { 1 } })),
        ["MiniProgramSubscribe.SceneDesc"] = new(async host => await host.AddSubscribeTemplateAsync(
            (await MiniProgramAsync(host)).AccessToken, new { tid = MiniPrograms.StatusTid, kidList = MiniPrograms.StatusKids, sceneDesc = "这是一段超过十五个字的订阅场景说明文字" })),
        ["MiniProgramSubscribe.SlotsFull"] = new(async host =>
        {
            var miniProgram = await MiniProgramAsync(host);
            var answer = default(JsonElement);
            for (var added = 0; added <= 25; added++)
            {
                answer = await host.AddSubscribeTemplateAsync(miniProgram.AccessToken, new { tid = MiniPrograms.StatusTid, kidList = MiniPrograms.StatusKids });
            }

            return answer;
        }),
        ["MiniProgramSubscribe.TemplateUnknown"] = new(async host =>
        {
            var (miniProgram, openId, _) = await SubscriberAsync(host, accept: true);
            return await host.SendAsync("subscribe/send", miniProgram.AccessToken, new { touser = openId, template_id = "nope", data = MiniPrograms.StatusData() });
        }),
        ["MiniProgramSubscribe.OpenIdUnknown"] = new(async host =>
        {
            var (miniProgram, _, templateId) = await SubscriberAsync(host, accept: true);
            return await host.SendAsync("subscribe/send", miniProgram.AccessToken, new { touser = "o-nobody", template_id = templateId, data = MiniPrograms.StatusData() });
        }),
        ["MiniProgramSubscribe.DataInvalid"] = new(async host =>
        {
            var (miniProgram, openId, templateId) = await SubscriberAsync(host, accept: true);
            return await host.SendAsync("subscribe/send", miniProgram.AccessToken, new { touser = openId, template_id = templateId, data = MiniPrograms.StatusData("正在加紧处理中") });
        }),
        ["MiniProgramSubscribe.NoAcceptance"] = new(async host =>
        {
            var (miniProgram, openId, templateId) = await SubscriberAsync(host, accept: false);
            return await host.SendAsync("subscribe/send", miniProgram.AccessToken, new { touser = openId, template_id = templateId, data = MiniPrograms.StatusData() });
        }),
        ["MiniProgramPhone.CodeInvalid"] = new(async host =>
        {
            var (miniProgram, loginCode) = await MiniProgramLoginAsync(host);
            return await host.GetPhoneNumberAsync(miniProgram.AccessToken, loginCode);
        }),
        ["MiniProgramPhone.CodeExpired"] = new(async host =>
        {
            var miniProgram = await MiniProgramAsync(host);
            var code = (await host.TapPhoneNumberButtonAsync(miniProgram.AppId, (await WorldView.ReadAsync(host)).ConsumerId(0))).Text("code");
            host.Advance(TimeSpan.FromSeconds(300));
            return await host.GetPhoneNumberAsync((await host.AuthorizeAccountAsync(miniProgram.AppId)).AccessToken, code);
        }),
        ["MiniProgramPhone.CodeUsed"] = new(async host =>
        {
            var miniProgram = await MiniProgramAsync(host);
            var code = (await host.TapPhoneNumberButtonAsync(miniProgram.AppId, (await WorldView.ReadAsync(host)).ConsumerId(0))).Text("code");
            await host.GetPhoneNumberAsync(miniProgram.AccessToken, code);
            return await host.GetPhoneNumberAsync(miniProgram.AccessToken, code);
        }),
        ["OpenPlatform.AppIdMismatch"] = new(async host =>
            await OpenAsync(host, "get", (await MiniProgramAsync(host)).AccessToken, new { appid = "wxnottheaccount" })),
        ["OpenPlatform.OpenAppIdUnknown"] = new(async host =>
            await OpenAsync(host, "bind", (await UnboundAccountAsync(host, 0)).AccessToken, new { open_appid = "wxnotanopenaccount" })),
        ["OpenPlatform.AlreadyBound"] = new(async host => await OpenAsync(host, "create", (await MiniProgramAsync(host)).AccessToken, new { })),
        ["OpenPlatform.NotSameSubject"] = new(async host =>
        {
            await host.Client.PostJsonAsync("control/world/owners", new { name = "Borealis Motors" });
            var openAppId = (await OpenAsync(host, "create", (await UnboundAccountAsync(host, 1)).AccessToken, new { })).Text("open_appid");
            return await OpenAsync(host, "bind", (await UnboundAccountAsync(host, 0)).AccessToken, new { open_appid = openAppId });
        }),
        ["OpenPlatform.NotBound"] = new(async host => await OpenAsync(host, "get", (await UnboundAccountAsync(host, 0)).AccessToken, new { })),
        ["OpenPlatform.NotCreatedByApi"] = new(async host =>
        {
            var miniProgram = await MiniProgramAsync(host);
            var openAppId = (await OpenAsync(host, "get", miniProgram.AccessToken, new { })).Text("open_appid");
            return await OpenAsync(host, "unbind", miniProgram.AccessToken, new { open_appid = openAppId });
        }),
        ["OfficialAccount.MessageType"] = new(async host =>
        {
            var (account, openId, _) = await FollowerAsync(host);
            return await host.SendAsync("custom/send", account.AccessToken, new { touser = openId, msgtype = "fax", fax = new { } });
        }),
        ["OfficialAccount.OutsideWindow"] = new(async host =>
        {
            var (account, openId, _) = await FollowerAsync(host);
            host.Advance(TimeSpan.FromHours(49));
            var fresh = await host.AuthorizeAccountAsync(account.AppId);
            return await host.SendAsync("custom/send", fresh.AccessToken, new { touser = openId, msgtype = "text", text = new { content = "hi" } });
        }),
        ["OfficialAccount.MenuMiniProgramAppId"] = new(async host => await MiniProgramMenuAsync(host, (account, _) => new { appid = account.AppId, pagepath = "pages/home/index", url = "https://welink.example.com/" })),
        ["OfficialAccount.MenuMiniProgramPage"] = new(async host => await MiniProgramMenuAsync(host, (_, miniProgram) => new { appid = miniProgram, url = "https://welink.example.com/" })),
        ["OfficialAccount.MenuMiniProgramUrl"] = new(async host => await MiniProgramMenuAsync(host, (_, miniProgram) => new { appid = miniProgram, pagepath = "pages/home/index" })),
        ["OfficialAccount.CustomMiniProgramAppId"] = new(async host =>
        {
            var (account, openId, _) = await FollowerAsync(host);
            var thumb = await UploadAsync(host, account, "image");
            return await host.SendAsync("custom/send", account.AccessToken, new
            {
                touser = openId,
                msgtype = "miniprogrampage",
                miniprogrampage = new { title = "我要投诉", appid = account.AppId, pagepath = "pages/complaints/new", thumb_media_id = thumb.Text("media_id") },
            });
        }),
        ["OfficialAccount.CustomMiniProgramCard"] = new(async host =>
        {
            var (account, openId, _) = await FollowerAsync(host);
            return await host.SendAsync("custom/send", account.AccessToken, new
            {
                touser = openId,
                msgtype = "miniprogrampage",
                miniprogrampage = new { title = "我要投诉", appid = (await WorldView.ReadAsync(host)).MiniProgram, pagepath = "pages/complaints/new", thumb_media_id = "not-uploaded" },
            });
        }),
        ["OfficialAccount.MediaUploadType"] = new(async host => await UploadAsync(host, (await FollowerAsync(host)).Account, "gif")),
        ["OfficialAccount.MediaUploadMissing"] = new(async host =>
        {
            var (account, _, _) = await FollowerAsync(host);
            using var empty = new MultipartFormDataContent { { new StringContent("card"), "title" } };
            using var response = await host.Client.PostAsync(new Uri($"wechat/cgi-bin/media/upload?access_token={account.AccessToken}&type=image", UriKind.Relative), empty);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }),
        ["OfficialAccount.MediaUnknown"] = new(async host =>
        {
            var (account, _, _) = await FollowerAsync(host);
            return await host.Client.GetJsonAsync($"wechat/cgi-bin/media/get?access_token={account.AccessToken}&media_id=not-a-media-id");
        }),
        ["OfficialAccount.MenuButtons"] = new(async host => await host.Client.PostJsonAsync(
            $"wechat/cgi-bin/menu/create?access_token={(await AccountAsync(host)).AccessToken}", new { button = Array.Empty<object>() })),
        ["OfficialAccount.QrCodeNeedsVerifiedService"] = new(async host =>
        {
            var account = await host.AuthorizeAccountAsync((await WorldView.ReadAsync(host)).AccountAppId("SubscriptionAccount", verified: true));
            return await QrCodeAsync(host, account, new { action_name = "QR_LIMIT_SCENE", action_info = new { scene = new { scene_id = 7 } } });
        }),
        ["OfficialAccount.QrCodeActionInfo"] = new(async host =>
            await QrCodeAsync(host, await AccountAsync(host), new { action_name = "QR_SCENE", action_info = new { scene = new { } } })),

        ["SuiteToken.Missing"] = new(host => host.PreAuthCodeAsync("")),
        ["SuiteToken.Invalid"] = new(host => host.PreAuthCodeAsync("not-a-token")),
        ["SuiteToken.Expired"] = new(async host =>
        {
            var token = await host.SuiteTokenAsync();
            host.Advance(TimeSpan.FromSeconds(7200));
            return await host.PreAuthCodeAsync(token);
        }),

        ["Suite.SuiteIdUnknown"] = new(async host => await host.Client.PostJsonAsync($"{Service}/get_suite_token", new
        {
            suite_id = "wwnotthesuite",
            suite_secret = SandboxHost.SuiteSecret,
            suite_ticket = await host.PushSuiteTicketAsync(),
        })),
        ["Suite.SuiteSecretWrong"] = new(async host => await host.Client.PostJsonAsync($"{Service}/get_suite_token", new
        {
            suite_id = SandboxHost.SuiteId,
            suite_secret = "wrong",
            suite_ticket = await host.PushSuiteTicketAsync(),
        })),
        ["Suite.SuiteTicketInvalid"] = new(host => host.RequestSuiteTokenAsync("made-up")),
        ["Suite.PreAuthCodeInvalid"] = new(async host => await SessionInfoAsync(host, await host.SuiteTokenAsync(), "made-up", authType: 1)),
        ["Suite.PreAuthCodeExpired"] = new(async host =>
        {
            var token = await host.SuiteTokenAsync();
            var preAuth = (await host.PreAuthCodeAsync(token)).Text("pre_auth_code");
            host.Advance(TimeSpan.FromSeconds(1200));
            return await SessionInfoAsync(host, token, preAuth, authType: 1);
        }),
        ["Suite.SessionAuthType"] = new(async host =>
        {
            var token = await host.SuiteTokenAsync();
            return await SessionInfoAsync(host, token, (await host.PreAuthCodeAsync(token)).Text("pre_auth_code"), authType: 2);
        }),
        ["Suite.AuthCodeInvalid"] = new(async host => await host.Client.PostJsonAsync(
            $"{Service}/get_permanent_code?suite_access_token={await host.SuiteTokenAsync()}", new { auth_code = "made-up" })),
        ["Suite.PermanentCodeInvalid"] = new(async host =>
        {
            var corp = await CorpAsync(host);
            return await host.Client.PostJsonAsync(
                $"{Service}/get_corp_token?suite_access_token={corp.SuiteToken}", new { auth_corpid = corp.CorpId, permanent_code = "wrong" });
        }),
        ["Suite.OAuthCodeMissing"] = new(async host => await host.Client.GetJsonAsync(
            $"{Service}/auth/getuserinfo3rd?suite_access_token={await host.SuiteTokenAsync()}")),
        ["Suite.OAuthCodeInvalid"] = new(async host => await host.Client.GetJsonAsync(
            $"{Service}/auth/getuserinfo3rd?suite_access_token={await host.SuiteTokenAsync()}&code=made-up")),
        ["Suite.UserTicketMissing"] = new(async host => await host.Client.PostJsonAsync(
            $"{Service}/auth/getuserdetail3rd?suite_access_token={await host.SuiteTokenAsync()}", new { })),
        ["Suite.UserTicketInvalid"] = new(async host => await host.Client.PostJsonAsync(
            $"{Service}/auth/getuserdetail3rd?suite_access_token={await host.SuiteTokenAsync()}", new { user_ticket = "made-up" })),
        ["Suite.UserTicketExpired"] = new(async host =>
        {
            var world = await WorldView.ReadAsync(host);
            var token = await host.SuiteTokenAsync();
            var open = await host.Client.PostJsonAsync(
                "control/staff/open-app", new { corpid = world.CorpId(0), userid = world.StaffUserId(0, 0), scope = "snsapi_privateinfo" });
            var user = await host.Client.GetJsonAsync($"{Service}/auth/getuserinfo3rd?suite_access_token={token}&code={open.Text("code")}");
            host.Advance(TimeSpan.FromSeconds(1800));
            return await host.Client.PostJsonAsync(
                $"{Service}/auth/getuserdetail3rd?suite_access_token={token}", new { user_ticket = user.Text("user_ticket") });
        }),

        ["CorpToken.Missing"] = new(host => host.Client.GetJsonAsync("wecom/cgi-bin/user/get?access_token=&userid=any")),
        ["CorpToken.Invalid"] = new(host => host.Client.GetJsonAsync("wecom/cgi-bin/user/get?access_token=not-a-token&userid=any")),
        ["CorpToken.Expired"] = new(async host =>
        {
            var corp = await CorpAsync(host);
            host.Advance(TimeSpan.FromSeconds(7200));
            return await host.Client.GetJsonAsync($"wecom/cgi-bin/user/get?access_token={corp.AccessToken}&userid=any");
        }),

        ["Corp.AgentId"] = new(async host =>
        {
            var (corp, userId) = await CorpAndMemberAsync(host);
            return await MessageAsync(host, corp, new { touser = userId, msgtype = "text", agentid = corp.AgentId + 1, text = new { content = "x" } });
        }),
        ["Corp.MessageType"] = new(async host =>
        {
            var (corp, userId) = await CorpAndMemberAsync(host);
            return await MessageAsync(host, corp, new { touser = userId, msgtype = "fax", agentid = corp.AgentId, fax = new { } });
        }),
        ["Corp.TaskIdMissing"] = new(async host =>
        {
            var (corp, userId) = await CorpAndMemberAsync(host);
            return await MessageAsync(host, corp, new
            {
                touser = userId,
                msgtype = "template_card",
                agentid = corp.AgentId,
                template_card = new { card_type = "button_interaction", main_title = new { title = "Complaint" } },
            });
        }),
        ["Corp.NoValidRecipient"] = new(async host =>
        {
            var corp = await CorpAsync(host);
            return await MessageAsync(host, corp, new { touser = "ghost", msgtype = "text", agentid = corp.AgentId, text = new { content = "x" } });
        }),
        ["Corp.ResponseCodeInvalid"] = new(async host =>
        {
            var (corp, userId) = await CorpAndMemberAsync(host);
            return await host.Client.PostJsonAsync(
                $"wecom/cgi-bin/message/update_template_card?access_token={corp.AccessToken}",
                new { userids = new[] { userId }, agentid = corp.AgentId, response_code = "made-up", button = new { replace_name = "Done" } });
        }),
        ["Corp.UserUnknown"] = new(async host => await host.Client.GetJsonAsync(
            $"wecom/cgi-bin/user/get?access_token={(await CorpAsync(host)).AccessToken}&userid=ghost")),
        ["Corp.DepartmentUnknown"] = new(async host => await host.Client.GetJsonAsync(
            $"wecom/cgi-bin/user/simplelist?access_token={(await CorpAsync(host)).AccessToken}&department_id=999999")),
        ["Corp.TicketType"] = new(async host => await host.Client.GetJsonAsync(
            $"wecom/cgi-bin/ticket/get?access_token={(await CorpAsync(host)).AccessToken}&type=jsapi")),
        ["Corp.NotExternalContact"] = new(async host => await host.Client.GetJsonAsync(
            $"wecom/cgi-bin/externalcontact/get?access_token={(await CorpAsync(host)).AccessToken}&external_userid=ghost")),
        ["Corp.IdConvertParameter"] = new(async host => await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/idconvert/unionid_to_external_userid?access_token={(await CorpAsync(host)).AccessToken}",
            new { unionid = "oUnion", openid = "oOpen", subject_type = 7 })),
        ["Corp.UnionIdSubjectMismatch"] = new(async host => await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/idconvert/unionid_to_external_userid?access_token={(await CorpAsync(host)).AccessToken}",
            new { unionid = "oNobodysUnion", openid = "oNobodysOpenId", subject_type = 0 })),
        ["Corp.PendingIdBatch"] = new(async host => await host.Client.PostJsonAsync(
            $"wecom/cgi-bin/idconvert/batch/external_userid_to_pending_id?access_token={(await CorpAsync(host)).AccessToken}",
            new { external_userid = Array.Empty<string>() })),
    };

    private static async Task<JsonElement> PostRawAsync(SandboxHost host, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await host.Client.PostAsync(new Uri(path, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<JsonElement> OpenAsync(SandboxHost host, string api, string accessToken, object body) =>
        host.Client.PostJsonAsync($"wechat/cgi-bin/open/{api}?access_token={accessToken}", body);

    /// <summary>A new mini program of the world's <paramref name="ownerIndex"/>th owner, bound to no open-platform account, authorized.</summary>
    private static async Task<AuthorizedAccount> UnboundAccountAsync(SandboxHost host, int ownerIndex)
    {
        var ownerId = (await WorldView.ReadAsync(host)).Snapshot.GetProperty("owners")[ownerIndex].Text("id");
        var account = await host.Client.PostJsonAsync(
            "control/world/accounts", new { owner_id = ownerId, nickname = "Unbound " + ownerIndex, kind = "MiniProgram", verified = true, bound = false });
        return await host.AuthorizeAccountAsync(account.Text("app_id"));
    }

    private static async Task<(AuthorizedAccount MiniProgram, string Code)> MiniProgramLoginAsync(SandboxHost host)
    {
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var login = await host.Client.PostJsonAsync($"control/miniprogram/{miniProgram.AppId}/login", new { consumer = world.ConsumerId(0) });
        return (miniProgram, login.Text("code"));
    }

    private static Task<JsonElement> JsCode2SessionAsync(
        SandboxHost host, AuthorizedAccount miniProgram, string jsCode, string? appId = null, string componentAppId = SandboxHost.ComponentAppId) =>
        host.Client.GetJsonAsync(
            $"wechat/sns/component/jscode2session?appid={appId ?? miniProgram.AppId}&js_code={jsCode}&grant_type=authorization_code" +
            $"&component_appid={componentAppId}&component_access_token={miniProgram.ComponentToken}");

    /// <summary>menu/create with one sub-menu holding a view button and a miniprogram button of the given fields.</summary>
    private static async Task<JsonElement> MiniProgramMenuAsync(SandboxHost host, Func<AuthorizedAccount, string, object> fields)
    {
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var button = JsonSerializer.SerializeToNode(fields(account, world.MiniProgram))!.AsObject();
        button["type"] = "miniprogram";
        button["name"] = "投诉";
        var menu = new { button = new object[] { new { name = "服务", sub_button = new object[] { new { type = "view", name = "官网", url = "https://welink.example.com/" }, button } } } };
        return await host.Client.PostJsonAsync($"wechat/cgi-bin/menu/create?access_token={account.AccessToken}", menu);
    }

    /// <summary>Uploads a small PNG as the account's temporary media of <paramref name="type"/> (media/upload, field <c>media</c>).</summary>
    private static async Task<JsonElement> UploadAsync(SandboxHost host, AuthorizedAccount account, string type)
    {
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        using var form = new MultipartFormDataContent { { file, "media", "card.png" } };
        using var response = await host.Client.PostAsync(new Uri($"wechat/cgi-bin/media/upload?access_token={account.AccessToken}&type={type}", UriKind.Relative), form);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<AuthorizedAccount> MiniProgramAsync(SandboxHost host) =>
        await host.AuthorizeAccountAsync((await WorldView.ReadAsync(host)).MiniProgram);

    /// <summary>The mini program with the status template, and a consumer who answered its subscribe dialog.</summary>
    private static async Task<(AuthorizedAccount MiniProgram, string OpenId, string TemplateId)> SubscriberAsync(SandboxHost host, bool accept)
    {
        var world = await WorldView.ReadAsync(host);
        var miniProgram = await host.AuthorizeAccountAsync(world.MiniProgram);
        var templateId = await host.AddStatusTemplateAsync(miniProgram.AccessToken);
        var answer = await host.AnswerSubscribeDialogAsync(miniProgram.AppId, world.ConsumerId(0), templateId, accept);
        return (miniProgram, answer.Text("openid"), templateId);
    }

    private static async Task<AuthorizedAccount> AccountAsync(SandboxHost host) =>
        await host.AuthorizeAccountAsync((await WorldView.ReadAsync(host)).VerifiedServiceAccount);

    private static async Task<(AuthorizedAccount Account, string OpenId, string TemplateId)> FollowerAsync(SandboxHost host)
    {
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var openId = await host.FollowAsync(world.ConsumerId(0), account.AppId);
        return (account, openId, world.Account(account.AppId).GetProperty("templates")[0].Text("template_id"));
    }

    private static async Task<(AuthorizedAccount Account, string Code)> ConsentAsync(SandboxHost host, string scope)
    {
        var world = await WorldView.ReadAsync(host);
        var account = await host.AuthorizeAccountAsync(world.VerifiedServiceAccount);
        var consent = await host.Client.PostJsonAsync(
            "control/consumers/oauth-consent", new { consumer_id = world.ConsumerId(0), appid = account.AppId, scope });
        return (account, consent.Text("code"));
    }

    private static Task<JsonElement> ExchangeAsync(
        SandboxHost host, AuthorizedAccount account, string code, string componentAppId = SandboxHost.ComponentAppId) =>
        host.Client.GetJsonAsync(
            $"wechat/sns/oauth2/component/access_token?appid={account.AppId}&{code}&grant_type=authorization_code" +
            $"&component_appid={componentAppId}&component_access_token={account.ComponentToken}");

    private static Task<JsonElement> RefreshAsync(SandboxHost host, string appId, string componentToken, string refreshToken) =>
        host.Client.GetJsonAsync(
            $"wechat/sns/oauth2/component/refresh_token?appid={appId}&grant_type=refresh_token&component_appid={SandboxHost.ComponentAppId}" +
            $"&component_access_token={componentToken}&refresh_token={refreshToken}");

    private static Task<JsonElement> UserInfoAsync(SandboxHost host, string accessToken, string openId) =>
        host.Client.GetJsonAsync($"wechat/sns/userinfo?access_token={accessToken}&openid={openId}&lang=zh_CN");

    private static Task<JsonElement> QrCodeAsync(SandboxHost host, AuthorizedAccount account, object body) =>
        host.Client.PostJsonAsync($"wechat/cgi-bin/qrcode/create?access_token={account.AccessToken}", body);

    private static Task<JsonElement> SessionInfoAsync(SandboxHost host, string suiteToken, string preAuthCode, int authType) =>
        host.Client.PostJsonAsync(
            $"{Service}/set_session_info?suite_access_token={suiteToken}",
            new { pre_auth_code = preAuthCode, session_info = new { auth_type = authType } });

    private static async Task<InstalledCorp> CorpAsync(SandboxHost host) =>
        await host.InstallCorpAsync((await WorldView.ReadAsync(host)).CorpId(0));

    private static async Task<(InstalledCorp Corp, string UserId)> CorpAndMemberAsync(SandboxHost host)
    {
        var world = await WorldView.ReadAsync(host);
        return (await host.InstallCorpAsync(world.CorpId(0)), world.StaffUserId(0, 0));
    }

    private static Task<JsonElement> MessageAsync(SandboxHost host, InstalledCorp corp, object body) =>
        host.Client.PostJsonAsync($"wecom/cgi-bin/message/send?access_token={corp.AccessToken}", body);
}
