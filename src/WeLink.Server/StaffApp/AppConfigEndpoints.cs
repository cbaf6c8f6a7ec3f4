using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom.JsSdk;

namespace WeLink.Server.StaffApp;

/// <summary>
/// <c>GET /api/staff/app/config?url=</c>: what <c>ww.register</c> needs on a page of the staff app, in the corp of the
/// session's dealer. Only WeLink's own pages are signed: a signature is good for whatever page it names, so signing any
/// URL would lend WeLink's app identity to other sites.
/// </summary>
public static class AppConfigEndpoints
{
    private const string NotInstalled = "本店的企业微信未安装 WeLink 应用，请联系管理员重新安装。";

    public static IEndpointRouteBuilder MapAppConfigEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/staff/app").WithTags("Staff: app").RequireAuthorization(WeLinkPolicies.Staff).MapGet("/config", GetAsync);
        return app;
    }

    /// <summary>The corp, the agent and both signatures of the page at <c>url</c> (without its <c>#</c> part, as the JS-SDK signs it).</summary>
    public static async Task<Results<Ok<AppConfigResponse>, ProblemHttpResult>> GetAsync(
        HttpContext http,
        IDealerDirectory dealers,
        JsSdkSigner signer,
        PublicAddress address,
        IOptions<StaffAppOptions> options,
        CancellationToken cancellationToken,
        string? url = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (PageUrlRefusal(url, address.BaseOf(http.Request)) is { } refusal)
        {
            return TypedResults.Problem(
                refusal,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["url"] = [refusal] } });
        }

        var session = TenantScope.From(http.User, SessionKind.Staff);
        if (session?.DealerId is not { } dealerId || await dealers.ActiveCorpAsync(dealerId, cancellationToken) is not { } corp)
        {
            return TypedResults.Problem(NotInstalled, statusCode: StatusCodes.Status409Conflict);
        }

        JsSdkSignatures signatures;
        try
        {
            signatures = await signer.SignAsync(corp.CorpId, url!, cancellationToken);
        }
        catch (AuthorizationLostException)
        {
            return TypedResults.Problem(NotInstalled, statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(new AppConfigResponse(corp.CorpId, corp.AgentId, signatures.Corp, signatures.Agent, options.Value.BridgeScript));
    }

    /// <summary>Why the URL cannot be signed, or null: it must be absolute, without a fragment, and on WeLink's own origin.</summary>
    private static string? PageUrlRefusal(string? url, Uri ownBase)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var page) || (page.Scheme != Uri.UriSchemeHttp && page.Scheme != Uri.UriSchemeHttps))
        {
            return "请提供当前页面的完整网址。";
        }

        if (page.Fragment.Length > 0 || url!.Contains('#', StringComparison.Ordinal))
        {
            return "网址不能包含 # 及其后的部分。";
        }

        return Uri.Compare(page, ownBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? null
            : "只能为 WeLink 自己的页面签名。";
    }
}

/// <summary>What <c>ww.register</c> takes; <see cref="BridgeScript"/> is the sandbox's stand-in for the WeCom client, when it runs.</summary>
public sealed record AppConfigResponse(
    string CorpId, long AgentId, PageSignature CorpSignature, PageSignature AgentSignature, string? BridgeScript);
