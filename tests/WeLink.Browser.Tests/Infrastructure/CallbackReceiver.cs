using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WeLink.Wechat.Crypto;
using WeLink.Wechat.Messages;

namespace WeLink.Browser.Tests.Infrastructure;

/// <summary>A push as WeLink's callback side saw it: the URL path, and the message after verifying and decrypting.</summary>
public sealed record ReceivedPush(string Path, string ReceiveId, CallbackMessage Message);

/// <summary>
/// Plays WeLink's callback URLs on 127.0.0.1: checks signatures, decrypts with the receiveid each URL
/// must carry, records what arrived, and answers "success".
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WxBizMsgCrypt _component = new(TestCredentials.ComponentToken, TestCredentials.ComponentAesKey);
    private readonly WxBizMsgCrypt _suite = new(TestCredentials.SuiteToken, TestCredentials.SuiteAesKey);
    private readonly ConcurrentQueue<ReceivedPush> _received = new();

    private CallbackReceiver(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Requests that failed verification: should stay empty.</summary>
    public ConcurrentQueue<string> Rejected { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app);
        string[] component = [TestCredentials.ComponentAppId];
        app.MapPost("/wechat/component/events", (HttpRequest request) => receiver.ReceiveAsync(request, receiver._component, component, wechat: true));
        app.MapPost("/wechat/component/accounts/{appid}/messages", (HttpRequest request) => receiver.ReceiveAsync(request, receiver._component, component, wechat: true));
        app.MapPost("/wecom/suite/instructions", (HttpRequest request) => receiver.ReceiveAsync(request, receiver._suite, [TestCredentials.SuiteId], wechat: false));
        app.MapPost("/wecom/suite/data/{corpid}", (HttpRequest request, string corpid) => receiver.ReceiveAsync(request, receiver._suite, [corpid], wechat: false));
        await app.StartAsync();
        receiver.BaseAddress = Loopback.AddressOf(app);
        return receiver;
    }

    /// <summary>The first push to this path that matches, waiting for it until the deadline.</summary>
    public async Task<T> WaitForAsync<T>(string path, Func<T, bool> matches, TimeSpan deadline)
        where T : CallbackMessage
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var found = _received.Where(p => p.Path == path).Select(p => p.Message).OfType<T>().FirstOrDefault(matches);
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, $"No matching {typeof(T).Name} reached {path} in {deadline.TotalSeconds} s; rejected: [{string.Join("; ", Rejected)}].");
            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, WxBizMsgCrypt crypt, string[] receiveIds, bool wechat)
    {
        var query = request.Query;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var timestamp = query["timestamp"].ToString();
        var nonce = query["nonce"].ToString();
        try
        {
            if (wechat && !PlainSignature.Verify(query["signature"].ToString(), TestCredentials.ComponentToken, timestamp, nonce))
            {
                Rejected.Enqueue($"{request.Path}: plain signature mismatch");
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var envelope = CallbackEnvelope.ParseXml(body);
            var opened = crypt.VerifyAndDecrypt(query["msg_signature"].ToString(), timestamp, nonce, envelope.Encrypt, receiveIds);
            _received.Enqueue(new ReceivedPush(request.Path, opened.ReceiveId, CallbackMessageParser.Parse(opened.Message)));
            return Results.Text("success");
        }
        catch (WxCryptoException failure)
        {
            Rejected.Enqueue($"{request.Path}: {failure.Message}");
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }
    }
}
