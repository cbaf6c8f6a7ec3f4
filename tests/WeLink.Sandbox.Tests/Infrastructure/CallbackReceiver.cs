using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeLink.Wechat.Crypto;
using WeLink.Wechat.Messages;

namespace WeLink.Sandbox.Tests.Infrastructure;

/// <summary>A push as WeLink's callback side saw it, after verifying and decrypting.</summary>
public sealed record ReceivedPush(string Path, string Message, string ReceiveId, CallbackEnvelope Envelope, IQueryCollection Query, int AnsweredWith);

/// <summary>
/// Plays WeLink's four callback URLs on 127.0.0.1: checks signatures, decrypts with the receiveid
/// each URL must carry, records, and answers with the scripted status codes (200 once the script runs out).
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();
    private readonly ConcurrentQueue<TimeSpan> _stalls = new();
    private readonly WxBizMsgCrypt _component = new(SandboxHost.ComponentToken, SandboxHost.ComponentAesKey);
    private readonly WxBizMsgCrypt _suite = new(SandboxHost.SuiteToken, SandboxHost.SuiteAesKey);

    private CallbackReceiver(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<ReceivedPush> Received { get; } = new();

    /// <summary>Requests that failed verification: should stay empty.</summary>
    public ConcurrentQueue<string> Rejected { get; } = new();

    /// <summary>What to answer consumer messages with, encrypted; null answers "success".</summary>
    public string? PassiveReply { get; set; }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app);
        app.MapPost("/wechat/component/events", (HttpRequest request) => receiver.HandleAsync(request, receiver._component, [SandboxHost.ComponentAppId], wechat: true));
        app.MapPost("/wechat/component/accounts/{appid}/messages", (HttpRequest request) => receiver.HandleAsync(request, receiver._component, [SandboxHost.ComponentAppId], wechat: true));
        app.MapPost("/wecom/suite/instructions", (HttpRequest request) => receiver.HandleAsync(request, receiver._suite, [SandboxHost.SuiteId], wechat: false));
        app.MapPost("/wecom/suite/data/{corpid}", (HttpRequest request, string corpid) => receiver.HandleAsync(request, receiver._suite, [corpid], wechat: false));
        app.MapGet("/wecom/suite/instructions", (HttpRequest request) => receiver.Echo(request));
        app.MapGet("/wecom/suite/data/{corpid}", (HttpRequest request) => receiver.Echo(request));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    /// <summary>The next requests are answered with these statuses, in order.</summary>
    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    /// <summary>The next requests wait this long before answering.</summary>
    public void Stall(params TimeSpan[] stalls)
    {
        foreach (var stall in stalls)
        {
            _stalls.Enqueue(stall);
        }
    }

    public IReadOnlyList<ReceivedPush> Of(string infoTypeOrEvent) =>
        [.. Received.Where(p => p.Message.Contains($"[{infoTypeOrEvent}]", StringComparison.Ordinal))];

    /// <summary>The first push to this path that parses as a <typeparamref name="T"/> and matches, waiting for it until the deadline.</summary>
    public async Task<T> WaitForAsync<T>(string path, Func<T, bool> matches)
        where T : CallbackMessage
    {
        // The rejections ride along with each probe so that a timeout shows why nothing matched.
        var seen = await Poll.UntilAsync(
            () => Task.FromResult((
                Found: Received.Where(p => p.Path == path).Select(p => CallbackMessageParser.Parse(p.Message)).OfType<T>().FirstOrDefault(matches),
                Rejected: string.Join("; ", Rejected))),
            probe => probe.Found is not null,
            Deadline.Delivery,
            $"a matching {typeof(T).Name} at {path}");
        return seen.Found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>WeCom's URL check: the echostr is sealed for the provider corpid; answer its plaintext.</summary>
    private async Task<IResult> Echo(HttpRequest request)
    {
        if (_stalls.TryDequeue(out var stall))
        {
            await Task.Delay(stall);
        }

        var query = request.Query;
        try
        {
            return Results.Text(_suite.VerifyUrl(
                query["msg_signature"].ToString(), query["timestamp"].ToString(), query["nonce"].ToString(), query["echostr"].ToString(), [SandboxHost.ProviderCorpId]));
        }
        catch (WxCryptoException failure)
        {
            Rejected.Enqueue(failure.Message);
            return Results.StatusCode(400);
        }
    }

    private async Task<IResult> HandleAsync(HttpRequest request, WxBizMsgCrypt crypt, string[] receiveIds, bool wechat)
    {
        if (_stalls.TryDequeue(out var stall))
        {
            await Task.Delay(stall);
        }

        var query = request.Query;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        try
        {
            var envelope = CallbackEnvelope.ParseXml(body);
            var timestamp = query["timestamp"].ToString();
            var nonce = query["nonce"].ToString();
            if (wechat && !PlainSignature.Verify(query["signature"].ToString(), SandboxHost.ComponentToken, timestamp, nonce))
            {
                Rejected.Enqueue("plain signature mismatch");
                return Results.StatusCode(401);
            }

            var opened = crypt.VerifyAndDecrypt(query["msg_signature"].ToString(), timestamp, nonce, envelope.Encrypt, receiveIds);
            var status = _script.TryDequeue(out var scripted) ? scripted : 200;
            Received.Enqueue(new ReceivedPush(request.Path, opened.Message, opened.ReceiveId, envelope, query, status));
            if (status != 200)
            {
                return Results.StatusCode(status);
            }

            return PassiveReply is { } reply && request.Path.Value!.EndsWith("/messages", StringComparison.Ordinal)
                ? Results.Text(crypt.BuildEncryptedReplyXml(reply, opened.ReceiveId, timestamp, "424242"), "text/xml")
                : Results.Text("success");
        }
        catch (WxCryptoException failure)
        {
            Rejected.Enqueue(failure.Message);
            return Results.StatusCode(400);
        }
    }
}
