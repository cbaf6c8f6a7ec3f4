using System.Globalization;
using System.Text;
using System.Text.Json;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Pages;

/// <summary>
/// Everyone's phone on one page: consumers follow, write and tap menus; staff see their WeCom
/// messages and press card buttons; both see what WeLink sent them.
/// </summary>
public static class PhonesPage
{
    private const string Path = "/sandbox/phones";

    public static IEndpointRouteBuilder MapPhonesPage(this IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/phones", Show);
        sandbox.MapPost("/phones/act", ActAsync);
        return sandbox;
    }

    public static IResult Show(SandboxWorld world, MessageLog messages)
    {
        var snapshot = world.Snapshot();
        var sent = messages.All();
        var body = new StringBuilder("<h2>Consumers</h2>");
        foreach (var consumer in snapshot.Consumers)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<div class="card"><strong>{Html.Encode(consumer.Consumer.Nickname)}</strong> <span class="muted">{Html.Encode(consumer.Consumer.Id)}</span>""");
            foreach (var account in snapshot.Accounts.Where(a => a.Kind != AccountKind.MiniProgram))
            {
                var identity = world.IdentityOf(account.AppId, consumer.Consumer.Id);
                var following = world.FollowOf(account.AppId, identity.OpenId) is { Subscribed: true };
                KeyValuePair<string, string?>[] who = [new("consumer_id", consumer.Consumer.Id), new("appid", account.AppId)];
                body.Append(CultureInfo.InvariantCulture, $"""<p>{Html.Encode(account.Nickname)} <span class="muted">{(following ? "following" : "not following")}</span><br>""")
                    .Append(Html.Form(Path + "/act", following ? "Unfollow" : "Follow", [.. who, new("action", following ? "unfollow" : "follow")]))
                    .Append(InputForm("send-text", "content", "Send", who))
                    .Append(InputForm("press-menu", "key", "Tap menu key", who));
                foreach (var (name, key) in ClickButtons(world.MenuOf(account.AppId)))
                {
                    body.Append(Html.Form(Path + "/act", name, [.. who, new("action", "press-menu"), new("key", key)]));
                }

                body.Append("</p>");
                AppendReceived(body, sent.Where(m => m.Sender == account.AppId && m.Recipients.Contains(identity.OpenId)));
            }

            body.Append("</div>");
        }

        body.Append("<h2>Staff</h2>");
        foreach (var corp in snapshot.Corps)
        {
            foreach (var member in corp.Staff)
            {
                body.Append(CultureInfo.InvariantCulture, $"""<div class="card"><strong>{Html.Encode(member.Name)}</strong> <span class="muted">{Html.Encode(corp.Corp.Name)} · {Html.Encode(member.Position)}</span>""");
                var received = sent.Where(m => m.Sender == corp.Corp.CorpId && m.Recipients.Contains(member.UserId)).ToList();
                AppendReceived(body, received);
                foreach (var card in received.Select(m => m.Body.ObjectField("template_card")).OfType<JsonElement>())
                {
                    AppendCardButtons(body, corp.Corp.CorpId, member.UserId, card);
                }

                body.Append("</div>");
            }
        }

        return Html.Page("Phones", body.ToString());
    }

    public static async Task<IResult> ActAsync(
        HttpRequest request, ConsumerFlows consumers, StaffFlows staff, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        string Field(string name) => form[name].ToString();
        try
        {
            _ = Field("action") switch
            {
                "follow" => consumers.Follow(Field("consumer_id"), Field("appid")),
                "unfollow" => consumers.Unfollow(Field("consumer_id"), Field("appid")),
                "send-text" => consumers.SendText(Field("consumer_id"), Field("appid"), Field("content")),
                "press-menu" => consumers.PressMenu(Field("consumer_id"), Field("appid"), Field("key"), url: null),
                "press-card" => staff.PressCardButton(Field("corpid"), Field("userid"), Field("task_id"), Field("key")),
                _ => throw new WorldException("Unknown action."),
            };
            return TypedResults.Redirect(Path);
        }
        catch (WorldException misfit)
        {
            return Html.Error("Phones", misfit.Message);
        }
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

    private static void AppendReceived(StringBuilder body, IEnumerable<SentMessage> messages)
    {
        foreach (var message in messages)
        {
            var text = message.Body.GetRawText();
            body.Append(CultureInfo.InvariantCulture, $"""<div class="muted">{message.SentAt:u} · {Html.Encode(message.Api)} · {Html.Encode(text.Length > 160 ? text[..160] + "…" : text)}</div>""");
        }
    }

    private static void AppendCardButtons(StringBuilder body, string corpId, string userId, JsonElement card)
    {
        if (card.TextField("task_id") is not { } taskId || !card.TryGetProperty("button_list", out var buttons) || buttons.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var button in buttons.EnumerateArray())
        {
            body.Append(Html.Form(
                Path + "/act",
                button.TextField("text") ?? "Button",
                [new("action", "press-card"), new("corpid", corpId), new("userid", userId), new("task_id", taskId), new("key", button.TextField("key"))]));
        }
    }
}
