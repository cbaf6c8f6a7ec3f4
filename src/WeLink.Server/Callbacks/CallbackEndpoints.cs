using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Callbacks.Contracts;

namespace WeLink.Server.Callbacks;

/// <summary>
/// The four URLs typed into the WeChat open-platform and WeCom provider consoles. A POST is answered
/// <c>success</c> only once its event is in the inbox; a WeCom GET URL check with the decrypted echostr.
/// Anything not genuine, fresh and readable gets a 4xx ProblemDetails and is not stored.
/// </summary>
public static class CallbackEndpoints
{
    public static IEndpointRouteBuilder MapCallbackEndpoints(this IEndpointRouteBuilder routes)
    {
        // The platforms call these without a session; the signature and the addressee check are their authentication.
        var wechat = routes.MapGroup("/wechat/component").WithTags("Callbacks").ExcludeFromDescription().AllowAnonymous();
        wechat.MapPost("/events", ReceiveComponentEventAsync);
        wechat.MapPost("/accounts/{appid}/messages", ReceiveAccountMessageAsync);

        var wecom = routes.MapGroup("/wecom/suite").WithTags("Callbacks").ExcludeFromDescription().AllowAnonymous();
        wecom.MapGet("/instructions", VerifyInstructionUrlAsync);
        wecom.MapPost("/instructions", ReceiveInstructionAsync);
        wecom.MapGet("/data/{corpid}", VerifyDataUrlAsync);
        wecom.MapPost("/data/{corpid}", ReceiveCorpDataAsync);
        return routes;
    }

    public static Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveComponentEventAsync(
        HttpRequest request, [AsParameters] CallbackQuery query, CallbackReceiver receiver, CancellationToken cancellationToken) =>
        ReceiveAsync(request, CallbackChannel.Component, null, query, receiver, cancellationToken);

    public static Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveAccountMessageAsync(
        string appid, HttpRequest request, [AsParameters] CallbackQuery query, CallbackReceiver receiver, CancellationToken cancellationToken) =>
        ReceiveAsync(request, CallbackChannel.Account, appid, query, receiver, cancellationToken);

    public static Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveInstructionAsync(
        HttpRequest request, [AsParameters] CallbackQuery query, CallbackReceiver receiver, CancellationToken cancellationToken) =>
        ReceiveAsync(request, CallbackChannel.Suite, null, query, receiver, cancellationToken);

    public static Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveCorpDataAsync(
        string corpid, HttpRequest request, [AsParameters] CallbackQuery query, CallbackReceiver receiver, CancellationToken cancellationToken) =>
        ReceiveAsync(request, CallbackChannel.Corp, corpid, query, receiver, cancellationToken);

    public static Task<Results<ContentHttpResult, ProblemHttpResult>> VerifyInstructionUrlAsync(
        [AsParameters] CallbackQuery query, [FromQuery] string? echostr, CallbackReceiver receiver, CancellationToken cancellationToken) =>
        VerifyAsync(CallbackChannel.Suite, null, query, echostr, receiver, cancellationToken);

    public static Task<Results<ContentHttpResult, ProblemHttpResult>> VerifyDataUrlAsync(
        string corpid, [AsParameters] CallbackQuery query, [FromQuery] string? echostr, CallbackReceiver receiver, CancellationToken cancellationToken) =>
        VerifyAsync(CallbackChannel.Corp, corpid, query, echostr, receiver, cancellationToken);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request,
        CallbackChannel channel,
        string? targetId,
        CallbackQuery query,
        CallbackReceiver receiver,
        CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        return Answer(await receiver.ReceiveAsync(channel, targetId, query, body, cancellationToken));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> VerifyAsync(
        CallbackChannel channel, string? targetId, CallbackQuery query, string? echostr, CallbackReceiver receiver, CancellationToken cancellationToken) =>
        Answer(await receiver.VerifyUrlAsync(channel, targetId, query, echostr, cancellationToken));

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Answer(CallbackAnswer answer) => answer.Refusal is { } refusal
        ? TypedResults.Problem(statusCode: refusal.StatusCode, title: "Callback refused", detail: refusal.Message)
        : TypedResults.Text(answer.Text, "text/plain");
}
