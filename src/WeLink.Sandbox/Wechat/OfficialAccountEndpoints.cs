using System.Globalization;
using System.Text.Json;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Wechat;

/// <summary>Official-account APIs called with an authorizer token (protocol.md §4), each rule enforced and every send recorded.</summary>
public static class OfficialAccountEndpoints
{
    /// <summary>Customer-service messages may follow a consumer's interaction for this long.</summary>
    public static readonly TimeSpan InteractionWindow = TimeSpan.FromHours(48);

    private static readonly HashSet<string> MediaTypes = ["image", "voice", "video", "thumb"];

    private static readonly HashSet<string> CustomMessageTypes =
        ["text", "image", "voice", "video", "music", "news", "mpnews", "msgmenu", "wxcard", "miniprogrampage"];

    public static IEndpointRouteBuilder MapOfficialAccountEndpoints(this IEndpointRouteBuilder wechat)
    {
        var api = wechat.MapGroup("/cgi-bin");
        api.MapPost("/template/api_add_template", AddTemplateAsync);
        api.MapPost("/message/template/send", TemplateSendAsync);
        api.MapPost("/message/subscribe/bizsend", SubscribeSendAsync);
        api.MapPost("/message/custom/send", CustomSendAsync);
        api.MapGet("/user/info", UserInfo);
        api.MapGet("/media/get", MediaGet);
        api.MapPost("/media/upload", MediaUploadAsync);
        api.MapPost("/menu/create", MenuCreateAsync);
        api.MapPost("/qrcode/create", QrCodeCreateAsync);
        return wechat;
    }

    public static async Task<IResult> TemplateSendAsync(
        HttpRequest request,
        SandboxCredentials credentials,
        SandboxWorld world,
        MessageLog messages,
        SandboxPushes pushes,
        SandboxClock clock,
        CancellationToken cancellationToken)
    {
        var (account, body, refusal) = await AuthorizeAsync(request, credentials, world, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!account!.CanSendNotices)
        {
            return Refusals.OfficialAccount.NoticesNeedVerifiedService.Answer();
        }

        var templateId = body.TextField("template_id");
        if (!account.Templates.Any(t => t.TemplateId == templateId))
        {
            return Refusals.OfficialAccount.TemplateUnknown.Answer();
        }

        if (FindRecipient(world, account, body) is not { } openId)
        {
            return Refusals.OfficialAccount.OpenIdUnknown.Answer();
        }

        if (world.FollowOf(account.AppId, openId) is not { Subscribed: true })
        {
            return Refusals.OfficialAccount.NotFollowing.Answer();
        }

        var message = messages.Record("template/send", account.AppId, [openId], "template", body);

        // WeChat reports the outcome of every template message a moment later.
        var finished = new PushXml()
            .Text("ToUserName", account.OriginalId)
            .Text("FromUserName", openId)
            .Number("CreateTime", clock.GetUtcNow().ToUnixTimeSeconds())
            .Text("MsgType", "event")
            .Text("Event", "TEMPLATESENDJOBFINISH")
            .Number("MsgID", long.Parse(message.MsgId, CultureInfo.InvariantCulture))
            .Text("Status", "success");
        pushes.PushToAccount(account.AppId, account.OriginalId, openId, "TEMPLATESENDJOBFINISH", finished.ToString());
        return Sent(message);
    }

    /// <summary>
    /// Adds a library template to the account. Category templates need their keywords by name, each one the template
    /// offers; the account's new template has them in the order given.
    /// </summary>
    public static async Task<IResult> AddTemplateAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var (account, body, refusal) = await AuthorizeAsync(request, credentials, world, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!account!.CanSendNotices)
        {
            return Refusals.OfficialAccount.NoticesNeedVerifiedService.Answer();
        }

        if (TemplateLibrary.Find(body.TextField("template_id_short")) is not { } library)
        {
            return Refusals.OfficialAccount.LibraryTemplateUnknown.Answer();
        }

        var names = body.TryGetProperty("keyword_name_list", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "").ToList()
            : [];
        var picked = names.Select(n => library.Keywords.FirstOrDefault(k => k.Name == n)).ToList();
        if (picked.Count == 0 || picked.Any(k => k is null) || picked.Distinct().Count() != picked.Count)
        {
            return Refusals.OfficialAccount.KeywordNames.Answer();
        }

        var template = TemplateLibrary.Pick(library, [.. picked.OfType<LibraryKeyword>()]);
        if (!world.AddTemplate(account.AppId, template, TemplateLibrary.SlotsPerAccount))
        {
            return Refusals.OfficialAccount.TemplateSlotsFull.Answer();
        }

        return WxResults.Json(new TemplateAddResponse(0, "ok", template.TemplateId), WireJsonContext.Default.TemplateAddResponse);
    }

    public static async Task<IResult> SubscribeSendAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, MessageLog messages, CancellationToken cancellationToken)
    {
        var (account, body, refusal) = await AuthorizeAsync(request, credentials, world, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!account!.CanSendNotices)
        {
            return Refusals.OfficialAccount.NoticesNeedVerifiedService.Answer();
        }

        var templateId = body.TextField("template_id") ?? "";
        if (!account.SubscribeTemplates.Any(t => t.TemplateId == templateId))
        {
            return Refusals.OfficialAccount.TemplateUnknown.Answer();
        }

        if (FindRecipient(world, account, body) is not { } openId)
        {
            return Refusals.OfficialAccount.OpenIdUnknown.Answer();
        }

        if (!world.TryUseSubscription(account.AppId, openId, templateId))
        {
            return Refusals.OfficialAccount.NoSubscription.Answer();
        }

        return Sent(messages.Record("subscribe/bizsend", account.AppId, [openId], "subscribe", body), withMsgId: false);
    }

    public static async Task<IResult> CustomSendAsync(
        HttpRequest request,
        SandboxCredentials credentials,
        SandboxWorld world,
        MessageLog messages,
        SandboxClock clock,
        CancellationToken cancellationToken)
    {
        var (account, body, refusal) = await AuthorizeAsync(request, credentials, world, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var msgType = body.TextField("msgtype");
        if (msgType is null || !CustomMessageTypes.Contains(msgType) || body.ObjectField(msgType) is null)
        {
            return Refusals.OfficialAccount.MessageType.Answer();
        }

        if (FindRecipient(world, account!, body) is not { } openId)
        {
            return Refusals.OfficialAccount.OpenIdUnknown.Answer();
        }

        if (msgType == "miniprogrampage" && MiniProgramCardRefusal(world, clock, account!, body.ObjectField(msgType)!.Value) is { } cardRefusal)
        {
            return cardRefusal.Answer();
        }

        var lastInteraction = world.LastInteraction(account!.AppId, openId);
        if (world.FollowOf(account.AppId, openId) is not { Subscribed: true }
            || lastInteraction is null
            || clock.GetUtcNow() - lastInteraction >= InteractionWindow)
        {
            return Refusals.OfficialAccount.OutsideWindow.Answer();
        }

        return Sent(messages.Record("custom/send", account.AppId, [openId], msgType, body), withMsgId: false);
    }

    /// <summary>
    /// A mini-program card (protocol-wave2.md §4.1: <c>{title, appid, pagepath, thumb_media_id}</c>) opens a mini program
    /// associated with the account (in the sandbox: one of the same owner), and its picture is media the account uploaded.
    /// </summary>
    private static WxRefusal? MiniProgramCardRefusal(SandboxWorld world, SandboxClock clock, OfficialAccount account, JsonElement card)
    {
        if (world.FindAccount(card.TextField("appid") ?? "") is not { Kind: AccountKind.MiniProgram } miniProgram || miniProgram.OwnerId != account.OwnerId)
        {
            return Refusals.OfficialAccount.CustomMiniProgramAppId;
        }

        var thumb = world.FindUpload(account.AppId, card.TextField("thumb_media_id") ?? "");
        return string.IsNullOrWhiteSpace(card.TextField("title")) || string.IsNullOrWhiteSpace(card.TextField("pagepath"))
            || thumb is null || clock.GetUtcNow() - thumb.At >= ConsumerMedia.Lifetime
            ? Refusals.OfficialAccount.CustomMiniProgramCard
            : null;
    }

    /// <summary>Temporary media an account uploads (the multipart field <c>media</c>), kept 3 days like a consumer's.</summary>
    public static async Task<IResult> MediaUploadAsync(HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var (account, refusal) = Authorize(request, credentials, world);
        if (refusal is not null)
        {
            return refusal;
        }

        var type = request.Query["type"].FirstOrDefault() ?? "";
        if (!MediaTypes.Contains(type))
        {
            return Refusals.OfficialAccount.MediaUploadType.Answer();
        }

        var file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("media") : null;
        if (file is not { Length: > 0 })
        {
            return Refusals.OfficialAccount.MediaUploadMissing.Answer();
        }

        var uploaded = world.RecordUpload(account!.AppId, type);
        return WxResults.Json(new MediaUploadResponse(type, uploaded.MediaId, uploaded.At.ToUnixTimeSeconds()), WireJsonContext.Default.MediaUploadResponse);
    }

    public static IResult UserInfo(HttpRequest request, SandboxCredentials credentials, SandboxWorld world)
    {
        var check = credentials.Tokens.Check(request.Query["access_token"].FirstOrDefault(), TokenKind.AuthorizerAccessToken);
        if (!check.IsValid)
        {
            return WxResults.WechatToken(check);
        }

        var openId = request.Query["openid"].FirstOrDefault() ?? "";
        if (world.FindByOpenId(check.Subject, openId) is not { } identity)
        {
            return Refusals.OfficialAccount.OpenIdUnknown.Answer();
        }

        var follow = world.FollowOf(check.Subject, openId);
        var response = follow is { Subscribed: true }
            ? new UserInfoResponse(
                1,
                openId,
                "zh_CN",
                follow.Since.ToUnixTimeSeconds(),
                identity.UnionId,
                "",
                0,
                [],
                follow.Scene,
                long.TryParse(follow.QrScene, NumberStyles.None, CultureInfo.InvariantCulture, out var sceneId) ? sceneId : 0,
                follow.QrScene ?? "")
            : new UserInfoResponse(0, openId, null, null, identity.UnionId, null, null, null, null, null, null);
        return WxResults.Json(response, WireJsonContext.Default.UserInfoResponse);
    }

    /// <summary>A consumer's picture or voice sent to this account, within the 3 days WeChat keeps temporary media.</summary>
    public static IResult MediaGet(HttpRequest request, SandboxCredentials credentials, SandboxWorld world, SandboxClock clock)
    {
        var check = credentials.Tokens.Check(request.Query["access_token"].FirstOrDefault(), TokenKind.AuthorizerAccessToken);
        if (!check.IsValid)
        {
            return WxResults.WechatToken(check);
        }

        if (world.FindMedia(check.Subject, request.Query["media_id"].FirstOrDefault() ?? "") is not { } written
            || clock.GetUtcNow() - written.At >= ConsumerMedia.Lifetime)
        {
            return Refusals.OfficialAccount.MediaUnknown.Answer();
        }

        return TypedResults.Bytes(ConsumerMedia.Bytes(written.Kind).ToArray(), ConsumerMedia.ContentType(written.Kind));
    }

    public static async Task<IResult> MenuCreateAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var (account, body, refusal) = await AuthorizeAsync(request, credentials, world, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!body.TryGetProperty("button", out var buttons) || buttons.ValueKind != JsonValueKind.Array || buttons.GetArrayLength() is < 1 or > 3)
        {
            return Refusals.OfficialAccount.MenuButtons.Answer();
        }

        if (MiniProgramButtonRefusal(world, account!, buttons) is { } refused)
        {
            return refused.Answer();
        }

        world.SetMenu(account!.AppId, body.GetRawText());
        return WxResults.Ok();
    }

    /// <summary>
    /// A <c>miniprogram</c> button (at the top or in a sub-menu) must name a mini program associated with the account (in
    /// the sandbox: one of the same owner), a page, and the web page for clients that cannot open mini programs.
    /// </summary>
    private static WxRefusal? MiniProgramButtonRefusal(SandboxWorld world, OfficialAccount account, JsonElement buttons)
    {
        var leaves = buttons.EnumerateArray().SelectMany(b =>
            b.TryGetProperty("sub_button", out var subs) && subs.ValueKind == JsonValueKind.Array && subs.GetArrayLength() > 0 ? subs.EnumerateArray().ToList() : [b]);
        foreach (var button in leaves.Where(b => b.TextField("type") == "miniprogram"))
        {
            if (world.FindAccount(button.TextField("appid") ?? "") is not { Kind: AccountKind.MiniProgram } miniProgram || miniProgram.OwnerId != account.OwnerId)
            {
                return Refusals.OfficialAccount.MenuMiniProgramAppId;
            }

            if (string.IsNullOrWhiteSpace(button.TextField("pagepath")))
            {
                return Refusals.OfficialAccount.MenuMiniProgramPage;
            }

            if (string.IsNullOrWhiteSpace(button.TextField("url")))
            {
                return Refusals.OfficialAccount.MenuMiniProgramUrl;
            }
        }

        return null;
    }

    public static async Task<IResult> QrCodeCreateAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var (account, body, refusal) = await AuthorizeAsync(request, credentials, world, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (account!.Kind != AccountKind.ServiceAccount || !account.Verified)
        {
            return Refusals.OfficialAccount.QrCodeNeedsVerifiedService.Answer();
        }

        var actionName = body.TextField("action_name");
        var scene = body.ObjectField("action_info")?.ObjectField("scene");
        var sceneValue = actionName switch
        {
            "QR_SCENE" or "QR_LIMIT_SCENE" => scene?.NumberField("scene_id")?.ToString(CultureInfo.InvariantCulture),
            "QR_STR_SCENE" or "QR_LIMIT_STR_SCENE" => scene?.TextField("scene_str"),
            _ => null,
        };
        if (sceneValue is null)
        {
            return Refusals.OfficialAccount.QrCodeActionInfo.Answer();
        }

        var temporary = actionName is "QR_SCENE" or "QR_STR_SCENE";
        var seconds = temporary ? Math.Clamp(body.NumberField("expire_seconds") ?? 60, 60, 2_592_000) : (int?)null;
        var qrCode = world.AddQrCode(account.AppId, sceneValue, seconds is { } s ? TimeSpan.FromSeconds(s) : null);
        return WxResults.Json(
            new QrCodeResponse(qrCode.Ticket, seconds, $"http://weixin.qq.com/q/sandbox{qrCode.Ticket[..12]}"),
            WireJsonContext.Default.QrCodeResponse);
    }

    /// <summary>The account whose authorizer token the call carries, and its JSON body; else the refusal to answer.</summary>
    internal static async Task<(OfficialAccount? Account, JsonElement Body, IResult? Refusal)> AuthorizeAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var (account, refusal) = Authorize(request, credentials, world);
        if (refusal is not null)
        {
            return (null, default, refusal);
        }

        return await WxResults.ReadObjectAsync(request, cancellationToken) is { } body ? (account, body, null) : (null, default, WxResults.BadJson());
    }

    /// <summary>The account whose authorizer token the call carries; else the refusal to answer.</summary>
    internal static (OfficialAccount? Account, IResult? Refusal) Authorize(HttpRequest request, SandboxCredentials credentials, SandboxWorld world)
    {
        var check = credentials.Tokens.Check(request.Query["access_token"].FirstOrDefault(), TokenKind.AuthorizerAccessToken);
        if (!check.IsValid)
        {
            return (null, WxResults.WechatToken(check));
        }

        // Authorizer tokens are issued only for accounts of the world, and accounts are never removed from it.
        var account = world.FindAccount(check.Subject)
            ?? throw new InvalidOperationException($"A live authorizer token names account '{check.Subject}', which the world does not have.");
        return (account, null);
    }

    private static string? FindRecipient(SandboxWorld world, OfficialAccount account, JsonElement body) =>
        body.TextField("touser") is { } openId && world.FindByOpenId(account.AppId, openId) is not null ? openId : null;

    internal static IResult Sent(SentMessage message, bool withMsgId = true) =>
        WxResults.Json(
            new MessageSendResponse(0, "ok", withMsgId ? long.Parse(message.MsgId, CultureInfo.InvariantCulture) : null),
            WireJsonContext.Default.MessageSendResponse);
}
