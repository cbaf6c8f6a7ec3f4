using System.Collections.Concurrent;
using System.Text.Json;

namespace WeLink.Server.Tests.Platform;

/// <summary>
/// Counts the requests nodes send, per path, and the WeChat errcodes they get back; added to a client's HTTP
/// pipeline in tests.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<(string Path, int Errcode), int> _errors = new();

    public int Count(string pathSuffix) =>
        _counts.Where(c => c.Key.EndsWith(pathSuffix, StringComparison.Ordinal)).Sum(c => c.Value);

    public int Errors(string pathSuffix, int errcode) =>
        _errors.Where(e => e.Key.Errcode == errcode && e.Key.Path.EndsWith(pathSuffix, StringComparison.Ordinal)).Sum(e => e.Value);

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(RequestCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            counter._counts.AddOrUpdate(path, 1, (_, n) => n + 1);
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.TryGetProperty("errcode", out var errcode) && errcode.GetInt32() != 0)
            {
                counter._errors.AddOrUpdate((path, errcode.GetInt32()), 1, (_, n) => n + 1);
            }

            return response;
        }
    }
}
