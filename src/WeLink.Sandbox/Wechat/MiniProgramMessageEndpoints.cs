using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Wechat;

/// <summary>
/// A mini program's subscribe messages, called with its authorizer token (protocol-wave2.md §2): adding library titles
/// to its own templates, and sending one message per acceptance the consumer gave, with every value checked against its
/// keyword's rule as WeChat checks it.
/// </summary>
public static partial class MiniProgramMessageEndpoints
{
    public static IEndpointRouteBuilder MapMiniProgramMessageEndpoints(this IEndpointRouteBuilder wechat)
    {
        wechat.MapPost("/wxaapi/newtmpl/addtemplate", AddTemplateAsync);
        wechat.MapPost("/cgi-bin/message/subscribe/send", SendAsync);
        return wechat;
    }

    /// <summary>
    /// Adds a library title with the picked keywords, in the order given, to the mini program's templates. WeChat's doc
    /// asks for a form body and SDKs send JSON; both are taken (protocol-wave2.md §2.1).
    /// </summary>
    public static async Task<IResult> AddTemplateAsync(HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken)
    {
        var (account, refusal) = OfficialAccountEndpoints.Authorize(request, credentials, world);
        if (refusal is not null)
        {
            return refusal;
        }

        if (account!.Kind != AccountKind.MiniProgram)
        {
            return Refusals.MiniProgramSubscribe.NotMiniProgram.Answer();
        }

        if (await ReadAddRequestAsync(request, cancellationToken) is not { } add)
        {
            return WxResults.BadJson();
        }

        if (SubscribeLibrary.Find(add.Tid) is not { } title)
        {
            return Refusals.MiniProgramSubscribe.TidUnknown.Answer();
        }

        var picked = add.KidList.Select(kid => title.Keywords.FirstOrDefault(k => k.Kid == kid)).ToList();
        if (picked.Count is < SubscribeLibrary.MinKeywords or > SubscribeLibrary.MaxKeywords || picked.Any(k => k is null) || picked.Distinct().Count() != picked.Count)
        {
            return Refusals.MiniProgramSubscribe.KidList.Answer();
        }

        if (add.SceneDesc is { Length: > SubscribeLibrary.SceneDescLength })
        {
            return Refusals.MiniProgramSubscribe.SceneDesc.Answer();
        }

        var template = SubscribeLibrary.Pick(title, [.. picked.OfType<SubscribeKeyword>()]);
        if (!world.AddSubscribeTemplate(account.AppId, template, SubscribeLibrary.SlotsPerMiniProgram))
        {
            return Refusals.MiniProgramSubscribe.SlotsFull.Answer();
        }

        return WxResults.Json(new SubscribeTemplateAddResponse(0, "ok", template.TemplateId), WireJsonContext.Default.SubscribeTemplateAddResponse);
    }

    /// <summary>
    /// Sends one subscribe message, spending one of the consumer's acceptances of the template; nothing is spent on a
    /// refusal. The answer carries no msgid (whether WeChat's does is unconfirmed); WeChat reports the delivery a moment
    /// later in subscribe_msg_sent_event, which does.
    /// </summary>
    public static async Task<IResult> SendAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, MessageLog messages, SubscribeEventPushes subscribeEvents, CancellationToken cancellationToken)
    {
        var (account, body, refusal) = await OfficialAccountEndpoints.AuthorizeAsync(request, credentials, world, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (account!.Kind != AccountKind.MiniProgram)
        {
            return Refusals.MiniProgramSubscribe.NotMiniProgram.Answer();
        }

        var templateId = body.TextField("template_id") ?? "";
        if (account.SubscribeTemplates.FirstOrDefault(t => t.TemplateId == templateId) is not { } template)
        {
            return Refusals.MiniProgramSubscribe.TemplateUnknown.Answer();
        }

        if (body.TextField("touser") is not { } openId || world.FindByOpenId(account.AppId, openId) is null)
        {
            return Refusals.MiniProgramSubscribe.OpenIdUnknown.Answer();
        }

        if (!DataFits(body, template))
        {
            return Refusals.MiniProgramSubscribe.DataInvalid.Answer();
        }

        if (!world.TryUseSubscription(account.AppId, openId, templateId))
        {
            return Refusals.MiniProgramSubscribe.NoAcceptance.Answer();
        }

        var message = messages.Record("subscribe/send", account.AppId, [openId], "subscribe", body);
        subscribeEvents.Delivered(account, openId, templateId, message.MsgId);
        return OfficialAccountEndpoints.Sent(message, withMsgId: false);
    }

    /// <summary>Every data key is one of the template's and its value a string fitting the key's rule.</summary>
    private static bool DataFits(JsonElement body, MessageTemplate template)
    {
        if (body.ObjectField("data") is not { } data)
        {
            return false;
        }

        var keys = DataKey().Matches(template.Content ?? "").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return data.EnumerateObject().All(field =>
            keys.Contains(field.Name)
            && field.Value.ValueKind == JsonValueKind.Object
            && field.Value.TextField("value") is { } value
            && SubscribeValueRules.Fits(field.Name, value));
    }

    private static async Task<AddRequest?> ReadAddRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var kids = form["kidList"].Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var kid) ? kid : -1).ToList();
            return new AddRequest(form["tid"].ToString(), kids, form["sceneDesc"].FirstOrDefault());
        }

        if (await WxResults.ReadObjectAsync(request, cancellationToken) is not { } body)
        {
            return null;
        }

        var list = body.TryGetProperty("kidList", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(k => k.ValueKind == JsonValueKind.Number && k.TryGetInt32(out var kid) ? kid : -1).ToList()
            : [];
        var tid = body.TryGetProperty("tid", out var t) ? t.ValueKind switch
        {
            JsonValueKind.Number => t.GetRawText(),
            JsonValueKind.String => t.GetString(),
            _ => null,
        } : null;
        return new AddRequest(tid, list, body.TextField("sceneDesc"));
    }

    private sealed record AddRequest(string? Tid, IReadOnlyList<int> KidList, string? SceneDesc);

    [GeneratedRegex(@"\{\{(\w+)\.DATA\}\}")]
    private static partial Regex DataKey();
}
