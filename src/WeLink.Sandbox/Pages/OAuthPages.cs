using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Wecom;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Pages;

/// <summary>
/// The open-web host's OAuth page. With component_appid it is a consumer authorizing an official
/// account; with the suite id as appid it is a staff member opening the WeCom app. The sandbox has
/// no logged-in phone, so the page asks who is acting; <c>sandbox_as</c> (a consumer id or userid)
/// skips the question for scripted browsers. A staff member who opens the app is remembered on the browser as the
/// phone's holder, so the client bridge answers the JS-SDK for them (<see cref="ClientBridge"/>).
/// </summary>
public static class OAuthPages
{
    private const string Title = "Sign in with WeChat";

    public static IEndpointRouteBuilder MapOAuthPages(this IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/open/connect/oauth2/authorize", AuthorizePage);
        sandbox.MapPost("/open/connect/oauth2/authorize/approve", ApproveAsync);
        return sandbox;
    }

    public static IResult AuthorizePage(
        HttpRequest request, IOptions<SandboxOptions> options, SandboxWorld world, SandboxCredentials credentials, AuthorizationFlows flows)
    {
        var query = request.Query;
        var appId = query["appid"].ToString();
        var redirectUri = query["redirect_uri"].ToString();
        var scope = query["scope"].ToString();
        var state = query["state"].ToString();
        if (!Html.IsAbsoluteHttpUri(redirectUri) || query["response_type"] != "code")
        {
            return Html.Error(Title, "redirect_uri must be an absolute http(s) URL and response_type must be code.");
        }

        var staffLogin = appId == options.Value.Suite.SuiteId;
        if (!staffLogin && (query["component_appid"] != options.Value.Component.AppId || world.FindAccount(appId) is null))
        {
            return Html.Error(Title, "Unknown appid or component_appid.");
        }

        var fields = new List<KeyValuePair<string, string?>>
        {
            new("appid", appId), new("redirect_uri", redirectUri), new("scope", scope), new("state", state),
        };
        if (query["sandbox_as"].ToString() is { Length: > 0 } actor)
        {
            return Approve(request.HttpContext.Response, flows, world, staffLogin, appId, actor, scope, state, redirectUri);
        }

        var body = new StringBuilder();
        if (staffLogin)
        {
            foreach (var corp in world.Snapshot().Corps.Where(c => credentials.Grants.FindInstallation(c.Corp.CorpId) is { Active: true }))
            {
                foreach (var member in corp.Staff)
                {
                    body.Append(CultureInfo.InvariantCulture, $"""<div class="card">{Html.Encode(member.Name)} <span class="muted">{Html.Encode(corp.Corp.Name)} · {Html.Encode(member.Position)}</span><br>""")
                        .Append(Html.Form("/sandbox/open/connect/oauth2/authorize/approve", "Open the app", [.. fields, new("actor", member.UserId)]))
                        .Append("</div>");
                }
            }
        }
        else
        {
            foreach (var consumer in world.Snapshot().Consumers)
            {
                body.Append(CultureInfo.InvariantCulture, $"""<div class="card">{Html.Encode(consumer.Consumer.Nickname)}<br>""")
                    .Append(Html.Form("/sandbox/open/connect/oauth2/authorize/approve", "Allow", [.. fields, new("actor", consumer.Consumer.Id)]))
                    .Append(Html.Form("/sandbox/open/connect/oauth2/authorize/approve", "Deny", [.. fields, new("actor", consumer.Consumer.Id), new("deny", "1")], "deny"))
                    .Append("</div>");
            }
        }

        return Html.Page(Title, body.Length == 0 ? "<p>Nobody can sign in here yet.</p>" : $"<p>Who is signing in (scope {Html.Encode(scope)})?</p>" + body);
    }

    public static async Task<IResult> ApproveAsync(
        HttpRequest request, IOptions<SandboxOptions> options, SandboxWorld world, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var redirectUri = form["redirect_uri"].ToString();
        if (!Html.IsAbsoluteHttpUri(redirectUri))
        {
            return Html.Error(Title, "redirect_uri must be an absolute http(s) URL.");
        }

        var state = form["state"].ToString();
        if (form["deny"] == "1")
        {
            return TypedResults.Redirect(Html.WithQuery(redirectUri, ("state", state)));
        }

        var appId = form["appid"].ToString();
        return Approve(
            request.HttpContext.Response, flows, world, appId == options.Value.Suite.SuiteId, appId, form["actor"].ToString(), form["scope"].ToString(), state, redirectUri);
    }

    private static IResult Approve(
        HttpResponse response,
        AuthorizationFlows flows, SandboxWorld world, bool staffLogin, string appId, string actor, string scope, string state, string redirectUri)
    {
        try
        {
            if (!staffLogin)
            {
                var code = flows.ConsentConsumer(actor, appId, scope);
                return TypedResults.Redirect(Html.WithQuery(redirectUri, ("code", code), ("state", state), ("appid", appId)));
            }

            var corp = world.Snapshot().Corps.FirstOrDefault(c => c.Staff.Any(s => s.UserId == actor))
                ?? throw new WorldException($"No staff member '{actor}'.");
            var staffCode = flows.OpenAppAsStaff(corp.Corp.CorpId, actor, scope);
            ClientBridge.RememberHolder(response, corp.Corp.CorpId, actor);
            return TypedResults.Redirect(Html.WithQuery(redirectUri, ("code", staffCode), ("state", state)));
        }
        catch (WorldException misfit)
        {
            return Html.Error(Title, misfit.Message);
        }
    }
}
