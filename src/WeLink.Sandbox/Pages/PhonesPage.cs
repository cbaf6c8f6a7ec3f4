using System.Globalization;
using System.Text;
using System.Text.Json;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.Wecom;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Pages;

/// <summary>
/// Everyone's phone on one page: consumers follow, write, send pictures and voices and tap menus, and read each account's chat (what WeLink sent
/// them beside what they wrote) and the mini program's service notices (its subscribe messages); staff read their WeCom messages and press card buttons. Messages are drawn as WeChat
/// and WeCom draw them (<see cref="MessageView"/>).
/// </summary>
public static class PhonesPage
{
    private const string Path = "/sandbox/phones";

    /// <summary>Phones side by side where there is room, one a row on a phone; long ids and texts wrap instead of scrolling.</summary>
    private const string Style = """
        <style>
        body{max-width:76rem}
        .phones{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));gap:1rem}
        .phone{min-width:0;overflow-wrap:anywhere;background:#ededed;border:1px solid #ccc;border-radius:1rem;padding:.75rem}
        .phone.wecom{background:#f2f5fa}
        .phone header{margin-bottom:.5rem}
        .chat{background:#f7f7f7;border-radius:.5rem;padding:.5rem;margin:.5rem 0}
        .chat-title{font-weight:600;text-align:center;padding-bottom:.3rem;border-bottom:1px solid #e3e3e3}
        .msg{margin:.6rem 0}.msg .when{text-align:center;color:#999;font-size:.75rem;margin-bottom:.2rem}
        .msg.mine{text-align:right}
        .bubble{display:inline-block;max-width:85%;text-align:left;background:#fff;border-radius:.4rem;padding:.45rem .6rem;white-space:pre-wrap}
        .mine .bubble{background:#95ec69}
        .tmsg,.wcard{background:#fff;border-radius:.4rem;padding:.7rem;border:1px solid #e3e3e3}
        .tmsg-title,.wcard-title{font-weight:600;font-size:1.05rem}
        .tmsg-first{margin:.4rem 0}.tmsg p{margin:.4rem 0}
        .wcard-source{color:#888;font-size:.8rem;margin-bottom:.3rem}
        .mpcard{max-width:16rem}.mpcard-thumb{height:7rem;margin:.4rem 0;border-radius:.2rem;background:linear-gradient(135deg,#dfe7f5,#b9c9e8)}
        .wcard-desc{color:#555;margin:.3rem 0}.wcard-emphasis{font-size:1.3rem;color:#2f6bd1}
        dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem;margin:.5rem 0}dt{color:#888}dd{margin:0}
        .tmsg-link{display:block;border-top:1px solid #eee;margin-top:.5rem;padding-top:.45rem;color:#576b95;text-decoration:none}
        .tmsg-link::after{content:" ›";float:right;color:#bbb}
        .wcard-buttons{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.6rem}.wcard-buttons form{margin:0;flex:1}
        .wcard-buttons button{width:100%;background:#2f6bd1}
        .wcard-done{display:block;text-align:center;color:#888;border-top:1px solid #eee;margin-top:.6rem;padding-top:.45rem}
        .actions{margin-top:.5rem}.actions input[type=text]{width:9rem;max-width:100%}
        .open-chat{margin-top:.6rem;border-top:1px solid #dde3ec;padding-top:.5rem}.open-chat select{max-width:100%;padding:.25rem}
        </style>
        """;

    public static IEndpointRouteBuilder MapPhonesPage(this IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/phones", Show);
        sandbox.MapPost("/phones/act", ActAsync);
        return sandbox;
    }

    public static IResult Show(SandboxWorld world, MessageLog messages, SandboxCredentials credentials, ClientBridgeBook clients)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(clients);
        var snapshot = world.Snapshot();
        var sent = messages.All();
        var written = world.Written();
        var body = new StringBuilder(Style).Append("""<h2>消费者（微信）</h2><div class="phones">""");
        foreach (var consumer in snapshot.Consumers)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<section class="phone"><header><strong>{Html.Encode(consumer.Consumer.Nickname)}</strong> <span class="muted">{Html.Encode(consumer.Consumer.Id)}</span></header>""");
            foreach (var account in snapshot.Accounts.Where(a => a.Kind != AccountKind.MiniProgram))
            {
                var identity = world.IdentityOf(account.AppId, consumer.Consumer.Id);
                var following = world.FollowOf(account.AppId, identity.OpenId) is { Subscribed: true };
                body.Append(CultureInfo.InvariantCulture, $"""<div class="chat" data-appid="{Html.Encode(account.AppId)}"><div class="chat-title">{Html.Encode(account.Nickname)} <span class="muted">{(following ? "已关注" : "未关注")}</span></div>""");
                var conversation = sent.Where(m => m.Sender == account.AppId && m.Recipients.Contains(identity.OpenId))
                    .Select(m => (m.SentAt, Html: MessageView.Render(m, TemplateOf(account, m), null, null)))
                    .Concat(written.Where(w => w.AppId == account.AppId && w.OpenId == identity.OpenId).Select(w => (SentAt: w.At, Html: MessageView.Written(w))))
                    .OrderBy(m => m.SentAt);
                foreach (var (_, html) in conversation)
                {
                    body.Append(html);
                }

                KeyValuePair<string, string?>[] who = [new("consumer_id", consumer.Consumer.Id), new("appid", account.AppId)];
                body.Append("""<div class="actions">""")
                    .Append(Html.Form(Path + "/act", following ? "取消关注" : "关注", [.. who, new("action", following ? "unfollow" : "follow")]))
                    .Append(InputForm("send-text", "content", "发送", who))
                    .Append(Html.Form(Path + "/act", "发图片", [.. who, new("action", "send-image")]))
                    .Append(Html.Form(Path + "/act", "发语音", [.. who, new("action", "send-voice")]))
                    .Append(InputForm("press-menu", "key", "点击菜单 key", who));
                foreach (var (name, key) in ClickButtons(world.MenuOf(account.AppId)))
                {
                    body.Append(Html.Form(Path + "/act", name, [.. who, new("action", "press-menu"), new("key", key)]));
                }

                body.Append("</div></div>");
            }

            foreach (var miniProgram in snapshot.Accounts.Where(a => a.Kind == AccountKind.MiniProgram))
            {
                AppendServiceNotices(body, world, miniProgram, consumer.Consumer.Id, sent);
            }

            body.Append("</section>");
        }

        var updates = CardUpdates(sent, credentials);
        body.Append("""</div><h2>员工（企业微信）</h2><div class="phones">""");
        foreach (var corp in snapshot.Corps)
        {
            foreach (var member in corp.Staff)
            {
                body.Append(CultureInfo.InvariantCulture, $"""<section class="phone wecom" data-userid="{Html.Encode(member.UserId)}"><header><strong>{Html.Encode(member.Name)}</strong> <span class="muted">{Html.Encode(corp.Corp.Name)} · {Html.Encode(member.Position)}</span></header>""");
                string Press(string taskId, string key, string text) => Html.Form(
                    Path + "/act", text, [new("action", "press-card"), new("corpid", corp.Corp.CorpId), new("userid", member.UserId), new("task_id", taskId), new("key", key)]);
                foreach (var message in sent.Where(m => m.Api == "wecom/message/send" && m.Sender == corp.Corp.CorpId && m.Recipients.Contains(member.UserId)))
                {
                    body.Append(MessageView.Render(message, null, updates.LatestFor(message.MsgId, member.UserId), Press));
                }

                AppendOpenChat(body, world, snapshot.Consumers, corp.Corp.CorpId, member.UserId, clients.Of(corp.Corp.CorpId, member.UserId));
                body.Append("</section>");
            }
        }

        return Html.Page("手机", body.Append("</div>").ToString());
    }

    public static async Task<IResult> ActAsync(
        HttpRequest request, ConsumerFlows consumers, MiniProgramFlows miniPrograms, StaffFlows staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(consumers);
        ArgumentNullException.ThrowIfNull(miniPrograms);
        ArgumentNullException.ThrowIfNull(staff);
        var form = await request.ReadFormAsync(cancellationToken);
        string Field(string name) => form[name].ToString();
        try
        {
            if (Field("action") == "open-chat")
            {
                staff.OpenChat(Field("corpid"), Field("userid"), Field("consumer_id"));
                return TypedResults.Redirect(Path);
            }

            _ = Field("action") switch
            {
                "follow" => consumers.Follow(Field("consumer_id"), Field("appid")),
                "unfollow" => consumers.Unfollow(Field("consumer_id"), Field("appid")),
                "send-text" => consumers.SendText(Field("consumer_id"), Field("appid"), Field("content")),
                "send-image" => consumers.SendMedia(Field("consumer_id"), Field("appid"), ConsumerMedia.Image),
                "send-voice" => consumers.SendMedia(Field("consumer_id"), Field("appid"), ConsumerMedia.Voice),
                "press-menu" => consumers.PressMenu(Field("consumer_id"), Field("appid"), Field("key"), url: null),
                "press-card" => staff.PressCardButton(Field("corpid"), Field("userid"), Field("task_id"), Field("key")),
                "reject-subscription" => miniPrograms.RejectInSettings(Field("appid"), Field("consumer_id"), Field("template_id")),
                _ => throw new WorldException("Unknown action."),
            };
            return TypedResults.Redirect(Path);
        }
        catch (WorldException misfit)
        {
            return Html.Error("手机", misfit.Message);
        }
    }

    /// <summary>
    /// The chat the member's WeCom is in, which the app opened from the chat toolbar reads (getCurExternalContact): pick a
    /// consumer and the member is chatting with them, added as an external contact if they were not yet.
    /// </summary>
    private static void AppendOpenChat(StringBuilder body, SandboxWorld world, IReadOnlyList<ConsumerSnapshot> consumers, string corpId, string userId, ClientChoices client)
    {
        var current = client.ChatExternalUserId is { } chat ? world.FindExternalContact(corpId, chat) : null;
        var options = string.Concat(consumers.Select(c =>
            $"""<option value="{Html.Encode(c.Consumer.Id)}"{(c.Consumer.Id == current?.ConsumerId ? " selected" : "")}>{Html.Encode(c.Consumer.Nickname)}</option>"""));
        body.Append(CultureInfo.InvariantCulture, $"""<form class="open-chat" method="post" action="{Path}/act" data-testid="open-chat"><input type="hidden" name="action" value="open-chat"><input type="hidden" name="corpid" value="{Html.Encode(corpId)}"><input type="hidden" name="userid" value="{Html.Encode(userId)}">""")
            .Append(CultureInfo.InvariantCulture, $"""<label>与客户聊天 <select name="consumer_id">{options}</select></label> <button>进入聊天</button>""")
            .Append(CultureInfo.InvariantCulture, $"""<div class="muted" data-testid="current-chat">{(current is null ? "未在聊天中" : $"当前聊天：{Html.Encode(current.Name)}（聊天工具栏打开应用时显示这位客户）")}</div></form>""");
    }

    /// <summary>
    /// WeChat's 服务通知: the subscribe messages a mini program sent the consumer, each opening a page of it, and its
    /// settings (设置): how many messages of each template the consumer still allows, and turning one off.
    /// </summary>
    private static void AppendServiceNotices(StringBuilder body, SandboxWorld world, OfficialAccount miniProgram, string consumerId, IReadOnlyList<SentMessage> sent)
    {
        var identity = world.IdentityOf(miniProgram.AppId, consumerId);
        body.Append(CultureInfo.InvariantCulture, $"""<div class="chat" data-appid="{Html.Encode(miniProgram.AppId)}" data-kind="miniprogram"><div class="chat-title">服务通知 <span class="muted">{Html.Encode(miniProgram.Nickname)}</span></div>""");
        foreach (var message in sent.Where(m => m.Api == "subscribe/send" && m.Sender == miniProgram.AppId && m.Recipients.Contains(identity.OpenId)))
        {
            body.Append(MessageView.Render(message, TemplateOf(miniProgram, message), null, null));
        }

        body.Append("""<div class="actions subscribe-settings"><span class="muted">设置</span>""");
        foreach (var template in miniProgram.SubscribeTemplates)
        {
            var left = world.SubscriptionsLeft(miniProgram.AppId, identity.OpenId, template.TemplateId);
            body.Append(CultureInfo.InvariantCulture, $""" <span class="muted">{Html.Encode(template.Title)}：还可接收 {left} 条</span>""")
                .Append(Html.Form(Path + "/act", $"不再接收「{template.Title}」", [
                    new("action", "reject-subscription"), new("consumer_id", consumerId), new("appid", miniProgram.AppId), new("template_id", template.TemplateId)]));
        }

        body.Append("</div></div>");
    }

    /// <summary>The account's template (or subscribe template) a template or subscribe message names.</summary>
    private static MessageTemplate? TemplateOf(OfficialAccount account, SentMessage message) =>
        message.Body.TextField("template_id") is { } id ? account.Templates.Concat(account.SubscribeTemplates).FirstOrDefault(t => t.TemplateId == id) : null;

    /// <summary>
    /// Every update_template_card, by the card it updates: the update names a response code, and each code was issued for
    /// one card (by message/send, or by a press of one of its buttons).
    /// </summary>
    private static CardUpdateBook CardUpdates(IReadOnlyList<SentMessage> sent, SandboxCredentials credentials)
    {
        var cardOfCode = credentials.CardResponseCodes.Export().ToDictionary(c => c.Code, c => c.Payload.MessageId, StringComparer.Ordinal);
        var book = new CardUpdateBook();
        foreach (var update in sent.Where(m => m.Api == "wecom/message/update_template_card"))
        {
            if (update.Body.TextField("response_code") is { } code && cardOfCode.TryGetValue(code, out var cardId))
            {
                book.Add(cardId, update);
            }
        }

        return book;
    }

    /// <summary>The click buttons of the menu WeLink created, sub-menus included.</summary>
    private static IEnumerable<(string Name, string Key)> ClickButtons(string? menuJson)
    {
        if (menuJson is null)
        {
            yield break;
        }

        using var menu = JsonDocument.Parse(menuJson);
        var buttons = menu.RootElement.GetProperty("button").EnumerateArray()
            .SelectMany(b => b.TryGetProperty("sub_button", out var subs) && subs.ValueKind == JsonValueKind.Array ? subs.EnumerateArray().ToList() : [b]);
        foreach (var button in buttons.Where(b => b.TextField("type") == "click" && b.TextField("key") is not null).ToList())
        {
            yield return (button.TextField("name") ?? "", button.TextField("key")!);
        }
    }

    private static string InputForm(string action, string input, string button, IEnumerable<KeyValuePair<string, string?>> who)
    {
        var hidden = string.Concat(who.Select(f => $"""<input type="hidden" name="{f.Key}" value="{Html.Encode(f.Value)}">"""));
        return $"""<form method="post" action="{Path}/act">{hidden}<input type="hidden" name="action" value="{action}"><input type="text" name="{input}" required> <button>{Html.Encode(button)}</button></form>""";
    }
}
