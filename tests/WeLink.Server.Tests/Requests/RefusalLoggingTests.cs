using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using WeLink.Server.Data;
using WeLink.Server.Hosting;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Requests;

/// <summary>A request the server cannot read is the caller's mistake: a warning in the log, never an error with a stack trace.</summary>
public abstract class RefusalLoggingTests(DatabaseProvider provider)
{
    private static readonly Uri Login = new("/api/admin/login", UriKind.Relative);

    [Fact]
    public async Task A_body_the_server_cannot_read_is_logged_as_a_warning_without_a_stack_trace_and_never_as_an_error()
    {
        await using var host = await AdminHost.StartAsync(provider, builder => builder.Logging.AddFakeLogging());
        var logs = host.Host.Services.GetFakeLogCollector();
        logs.Clear();

        using var malformed = await host.Host.Http.PostAsync(Login, new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));
        using var plainText = await host.Host.Http.PostAsync(Login, new StringContent("root@welink.test", Encoding.UTF8, "text/plain"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType), (malformed.StatusCode, plainText.StatusCode));

        // The 415 is routing's answer (the route accepts only JSON) and logs nothing; the unreadable JSON is the handler's.
        var records = logs.GetSnapshot();
        var refusal = Assert.Single(records, r => r.Category == typeof(BadRequestHandler).FullName);
        Assert.Equal(LogLevel.Warning, refusal.Level);
        Assert.Null(refusal.Exception);
        Assert.StartsWith("POST /api/admin/login refused with 400: Failed to read parameter", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error || (r.Level >= LogLevel.Warning && r.Exception is not null));
    }
}

public sealed class RefusalLoggingTests_on_Sqlite() : RefusalLoggingTests(DatabaseProvider.Sqlite);

public sealed class RefusalLoggingTests_on_Postgres() : RefusalLoggingTests(DatabaseProvider.Postgres);
