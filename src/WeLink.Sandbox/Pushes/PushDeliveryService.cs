using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using WeLink.Sandbox.Faults;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Time;

namespace WeLink.Sandbox.Pushes;

/// <summary>
/// Delivers queued pushes in order, as the platforms do: an attempt that gets no HTTP 200 within
/// the attempt timeout (5 s) is retried, three attempts in all, and every attempt is recorded.
/// Armed push faults drop, delay or reorder pushes on the way.
/// </summary>
public sealed partial class PushDeliveryService(
    SandboxPushes pushes,
    PushEncryption encryption,
    FaultBook faults,
    IHttpClientFactory httpClientFactory,
    IOptions<SandboxOptions> options,
    SandboxClock clock,
    ILogger<PushDeliveryService> logger) : BackgroundService
{
    public const string HttpClientName = "WeLink.Sandbox.Pushes";
    public const int MaxAttempts = 3;

    private readonly List<PushRecord> _held = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var push in pushes.Queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RouteAsync(push, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogDeliveryCrashed(logger, push.Id, failure);
                push.Finish(PushStatus.Failed);
            }
        }
    }

    private async Task RouteAsync(PushRecord push, CancellationToken cancellationToken)
    {
        switch (faults.TakePushFault())
        {
            case { Kind: PushFaultKind.Drop }:
                push.Finish(PushStatus.Dropped);
                break;
            case { Kind: PushFaultKind.Delay, Delay: var delay }:
                push.Hold();
                _ = Task.Run(
                    async () =>
                    {
                        await Task.Delay(delay, cancellationToken);
                        await DeliverAsync(push, cancellationToken);
                    },
                    cancellationToken);
                break;
            case { Kind: PushFaultKind.Reorder, LastOfBatch: var last }:
                push.Hold();
                _held.Add(push);
                if (last)
                {
                    _held.Reverse();
                    foreach (var held in _held)
                    {
                        await DeliverAsync(held, cancellationToken);
                    }

                    _held.Clear();
                }

                break;
            default:
                await DeliverAsync(push, cancellationToken);
                break;
        }
    }

    private async Task DeliverAsync(PushRecord push, CancellationToken cancellationToken)
    {
        if (options.Value.CallbackBaseUrl is not { } baseUrl)
        {
            push.AddAttempt(new PushAttempt(1, clock.GetUtcNow(), null, "Sandbox:CallbackBaseUrl is not set", 0));
            push.Finish(PushStatus.Failed);
            return;
        }

        var sealedPush = encryption.Seal(push.Message, clock.GetUtcNow());
        var url = new Uri(baseUrl.ToString().TrimEnd('/') + sealedPush.PathAndQuery);
        var client = httpClientFactory.CreateClient(HttpClientName);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (status, reply, error, elapsed) = await AttemptAsync(client, url, sealedPush.Body, cancellationToken);
            push.AddAttempt(new PushAttempt(attempt, clock.GetUtcNow(), status, error, elapsed));
            if (status == 200)
            {
                push.Finish(PushStatus.Delivered, encryption.OpenReply(push.Message, reply));
                return;
            }

            LogAttemptFailed(logger, push.Id, push.Message.Kind, attempt, status, error);
        }

        push.Finish(PushStatus.Failed);
    }

    private async Task<(int? Status, string? Reply, string? Error, double ElapsedMilliseconds)> AttemptAsync(
        HttpClient client, Uri url, string body, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PushAttemptTimeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "text/xml");
            using var response = await client.PostAsync(url, content, timeout.Token);
            var reply = await response.Content.ReadAsStringAsync(timeout.Token);
            return ((int)response.StatusCode, reply, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, $"no answer within {options.Value.PushAttemptTimeout.TotalSeconds} s", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (HttpRequestException failure)
        {
            return (null, null, failure.Message, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push {PushId} ({Kind}) attempt {Attempt} failed: status {Status}, {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, long pushId, string kind, int attempt, int? status, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering push {PushId} crashed")]
    private static partial void LogDeliveryCrashed(ILogger logger, long pushId, Exception failure);
}
