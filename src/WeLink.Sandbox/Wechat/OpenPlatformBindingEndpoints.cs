using System.Text.Json;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Wechat;

/// <summary>
/// Binding an authorized account or mini program to an open-platform account, called with its authorizer token
/// (protocol-wave2.md §1.6): what decides whether WeChat gives its consumers a unionid. Every account the world makes is
/// bound to its owner's own open-platform account (made in the console) unless made unbound; the component can create an
/// open-platform account for an unbound one, bind another of the same owner to it, and unbind what it created.
/// </summary>
public static class OpenPlatformBindingEndpoints
{
    public static IEndpointRouteBuilder MapOpenPlatformBindingEndpoints(this IEndpointRouteBuilder wechat)
    {
        var open = wechat.MapGroup("/cgi-bin/open");
        open.MapPost("/create", CreateAsync);
        open.MapPost("/bind", BindAsync);
        open.MapPost("/unbind", UnbindAsync);
        open.MapPost("/get", GetAsync);
        return wechat;
    }

    public static Task<IResult> CreateAsync(HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken) =>
        OnAccountAsync(request, credentials, world, (account, _) => account.OpenAppId is not null
            ? Refusals.OpenPlatform.AlreadyBound.Answer()
            : OpenAppId(world.CreateOpenAccount(account.AppId).OpenAppId), cancellationToken);

    public static Task<IResult> BindAsync(HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken) =>
        OnAccountAsync(request, credentials, world, (account, body) =>
        {
            if (world.FindOpenAccount(body.TextField("open_appid") ?? "") is not { } open)
            {
                return Refusals.OpenPlatform.OpenAppIdUnknown.Answer();
            }

            if (account.OpenAppId is not null)
            {
                return Refusals.OpenPlatform.AlreadyBound.Answer();
            }

            if (open.OwnerId != account.OwnerId)
            {
                return Refusals.OpenPlatform.NotSameSubject.Answer();
            }

            world.SetOpenAccount(account.AppId, open.OpenAppId);
            return WxResults.Ok();
        }, cancellationToken);

    public static Task<IResult> UnbindAsync(HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken) =>
        OnAccountAsync(request, credentials, world, (account, body) =>
        {
            if (account.OpenAppId is null || body.TextField("open_appid") != account.OpenAppId)
            {
                return Refusals.OpenPlatform.OpenAppIdUnknown.Answer();
            }

            if (world.FindOpenAccount(account.OpenAppId) is not { CreatedByApi: true })
            {
                return Refusals.OpenPlatform.NotCreatedByApi.Answer();
            }

            world.SetOpenAccount(account.AppId, null);
            return WxResults.Ok();
        }, cancellationToken);

    public static Task<IResult> GetAsync(HttpRequest request, SandboxCredentials credentials, SandboxWorld world, CancellationToken cancellationToken) =>
        OnAccountAsync(request, credentials, world, (account, _) => account.OpenAppId is { } openAppId
            ? OpenAppId(openAppId)
            : Refusals.OpenPlatform.NotBound.Answer(), cancellationToken);

    /// <summary>The token's account, checked against the body's optional <c>appid</c>, handed to <paramref name="act"/>.</summary>
    private static async Task<IResult> OnAccountAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, Func<OfficialAccount, JsonElement, IResult> act, CancellationToken cancellationToken)
    {
        var (account, body, refusal) = await OfficialAccountEndpoints.AuthorizeAsync(request, credentials, world, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return body.TextField("appid") is { } appId && appId != account!.AppId
            ? Refusals.OpenPlatform.AppIdMismatch.Answer()
            : act(account!, body);
    }

    private static IResult OpenAppId(string openAppId) =>
        WxResults.Json(new OpenAppIdResponse(0, "ok", openAppId), WireJsonContext.Default.OpenAppIdResponse);
}
