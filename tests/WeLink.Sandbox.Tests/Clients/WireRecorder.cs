using System.Collections.Concurrent;

namespace WeLink.Sandbox.Tests.Clients;

/// <summary>Every request WeLink's HTTP clients put on the wire, by path, as the innermost handler saw them.</summary>
public sealed class WireRecorder
{
    private readonly ConcurrentQueue<string> _paths = new();

    public void Record(Uri uri) => _paths.Enqueue(uri.AbsolutePath);

    /// <summary>Requests whose path ends with <paramref name="apiPath"/>, e.g. <c>/cgi-bin/component/api_component_token</c>.</summary>
    public int Count(string apiPath) => _paths.Count(path => path.EndsWith(apiPath, StringComparison.Ordinal));

    public sealed class Handler(WireRecorder recorder) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            recorder.Record(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
