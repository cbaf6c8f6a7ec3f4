using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Pages;

/// <summary>
/// The platforms' authorization pages: the merchant's component authorization (mp and open-web
/// hosts) and the corp admin's suite install (WeCom-open host). Approving redirects to WeLink's
/// redirect_uri with the auth code and pushes the matching event, as the real pages do.
/// </summary>
public static class AuthorizationPages
{
    public static IEndpointRouteBuilder MapAuthorizationPages(this IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/mp/cgi-bin/componentloginpage", ComponentPage);
        sandbox.MapGet("/mp/safe/bindcomponent", ComponentPage);
        sandbox.MapGet("/open/wxaopen/safe/bindcomponent", ComponentPage);
        sandbox.MapPost("/mp/cgi-bin/componentloginpage/approve", ApproveComponentAsync);
        sandbox.MapGet("/wecom-open/3rdapp/install", InstallPage);
        sandbox.MapPost("/wecom-open/3rdapp/install/approve", ApproveInstallAsync);
        return sandbox;
    }

    public static IResult ComponentPage(
        HttpRequest request, IOptions<SandboxOptions> options, SandboxCredentials credentials, SandboxWorld world)
    {
        var query = request.Query;
        const string Title = "Authorize a third-party platform";
        if (query["component_appid"].ToString() != options.Value.Component.AppId)
        {
            return Html.Error(Title, "Unknown component_appid.");
        }

        var preAuthCode = query["pre_auth_code"].ToString();
        if (credentials.PreAuthCodes.Peek(preAuthCode) is null)
        {
            return Html.Error(Title, "The pre_auth_code is invalid or has expired. Go back to the platform and try again.");
        }

        var redirectUri = query["redirect_uri"].ToString();
        if (!Html.IsAbsoluteHttpUri(redirectUri))
        {
            return Html.Error(Title, "redirect_uri must be an absolute http(s) URL.");
        }

        var authType = int.TryParse(query["auth_type"], NumberStyles.None, CultureInfo.InvariantCulture, out var type) ? type : 3;
        var bizAppId = query["biz_appid"].ToString();
        var accounts = world.Snapshot().Accounts
            .Where(a => bizAppId.Length > 0 ? a.AppId == bizAppId : authType switch
            {
                1 => a.Kind != AccountKind.MiniProgram,
                2 => a.Kind == AccountKind.MiniProgram,
                _ => true,
            })
            .ToList();
        // auth_type 2 is a mini program's link (HQ authorizing the brand's app): WeChat's page then lists mini programs only.
        var what = authType == 2 && bizAppId.Length == 0 ? "mini program" : "account";
        var body = new StringBuilder($"<p>Pick the {what} to authorize, as its administrator would after scanning the QR code.</p>");
        foreach (var account in accounts)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<div class="card"><strong>{Html.Encode(account.Nickname)}</strong> <span class="muted">{account.Kind}, {(account.Verified ? "verified" : "not verified")}, {Html.Encode(account.AppId)}</span><br>""")
                .Append(Html.Form(
                    "/sandbox/mp/cgi-bin/componentloginpage/approve",
                    "Authorize",
                    [new("appid", account.AppId), new("pre_auth_code", preAuthCode), new("redirect_uri", redirectUri)]))
                .Append("</div>");
        }

        return Html.Page(Title, accounts.Count == 0 ? $"<p>No {what} fits this link.</p>" : body.ToString());
    }

    public static async Task<IResult> ApproveComponentAsync(HttpRequest request, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var redirectUri = form["redirect_uri"].ToString();
        if (!Html.IsAbsoluteHttpUri(redirectUri))
        {
            return Html.Error("Authorize a third-party platform", "redirect_uri must be an absolute http(s) URL.");
        }

        try
        {
            var approval = flows.ApproveComponent(form["pre_auth_code"], form["appid"].ToString());
            return TypedResults.Redirect(Html.WithQuery(
                redirectUri, ("auth_code", approval.AuthCode), ("expires_in", approval.ExpiresIn.ToString(CultureInfo.InvariantCulture))));
        }
        catch (WorldException misfit)
        {
            return Html.Error("Authorize a third-party platform", misfit.Message);
        }
    }

    public static IResult InstallPage(HttpRequest request, IOptions<SandboxOptions> options, SandboxCredentials credentials, SandboxWorld world)
    {
        var query = request.Query;
        const string Title = "Install a WeCom app";
        if (query["suite_id"].ToString() != options.Value.Suite.SuiteId)
        {
            return Html.Error(Title, "Unknown suite_id.");
        }

        var preAuthCode = query["pre_auth_code"].ToString();
        if (credentials.SuitePreAuthCodes.Peek(preAuthCode) is not { } session)
        {
            return Html.Error(Title, "The pre_auth_code is invalid or has expired.");
        }

        var redirectUri = query["redirect_uri"].ToString();
        if (!Html.IsAbsoluteHttpUri(redirectUri))
        {
            return Html.Error(Title, "redirect_uri must be an absolute http(s) URL.");
        }

        var body = new StringBuilder(session.AuthType == 1
            ? "<p>Test install (set_session_info auth_type 1). Pick the corp to install into, as its administrator would.</p>"
            : "<p>Pick the corp to install into, as its administrator would.</p>");
        foreach (var corp in world.Snapshot().Corps)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<div class="card"><strong>{Html.Encode(corp.Corp.Name)}</strong> <span class="muted">{corp.Staff.Count} members</span><br>""")
                .Append(Html.Form(
                    "/sandbox/wecom-open/3rdapp/install/approve",
                    "Install",
                    [new("corpid", corp.Corp.CorpId), new("pre_auth_code", preAuthCode), new("redirect_uri", redirectUri), new("state", query["state"])]))
                .Append("</div>");
        }

        return Html.Page(Title, body.ToString());
    }

    public static async Task<IResult> ApproveInstallAsync(HttpRequest request, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var redirectUri = form["redirect_uri"].ToString();
        if (!Html.IsAbsoluteHttpUri(redirectUri))
        {
            return Html.Error("Install a WeCom app", "redirect_uri must be an absolute http(s) URL.");
        }

        try
        {
            var approval = flows.ApproveInstall(form["pre_auth_code"], form["corpid"].ToString(), form["state"]);
            return TypedResults.Redirect(Html.WithQuery(
                redirectUri,
                ("auth_code", approval.AuthCode),
                ("expires_in", approval.ExpiresIn.ToString(CultureInfo.InvariantCulture)),
                ("state", approval.State)));
        }
        catch (WorldException misfit)
        {
            return Html.Error("Install a WeCom app", misfit.Message);
        }
    }
}
