using System.Net;
using System.Text.Json;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Foundation;

public abstract class HostTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_fresh_host_migrates_and_reports_ready()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await WeLinkTestHost.StartAsync(database.HostArgs);

        var live = await host.Http.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await host.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Contains("qrtz_triggers", await database.TableNamesAsync());
    }

    [Fact]
    public async Task A_request_body_over_the_limit_is_refused_with_413()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await WeLinkTestHost.StartAsync(database.HostArgs);
        using var body = new StringContent($"{{\"component_appid\":\"{new string('a', 2 * 1024 * 1024)}\"}}", System.Text.Encoding.UTF8, "application/json");

        var response = await host.Http.PostAsync(new Uri("/sandbox/wechat/cgi-bin/component/api_component_token", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_covers_redis_when_it_is_configured()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await WeLinkTestHost.StartAsync([.. database.HostArgs, $"--ConnectionStrings:Redis={TestServices.Redis}"]);

        var ready = await host.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unreachable_redis_makes_the_host_unready_but_alive()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var deadRedis = $"127.0.0.1:{FreePort.Loopback()},connectTimeout=500";
        await using var host = await WeLinkTestHost.StartAsync([.. database.HostArgs, $"--ConnectionStrings:Redis={deadRedis}"]);

        var live = await host.Http.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await host.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task The_host_serves_its_openapi_document_and_the_reference_ui()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await WeLinkTestHost.StartAsync(database.HostArgs);

        using var openApi = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var docs = await host.Http.GetAsync(new Uri("/docs/", UriKind.Relative));
        var script = await host.Http.GetAsync(new Uri("/docs/scalar.js", UriKind.Relative));

        Assert.StartsWith("3.", openApi.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("WeLink API", openApi.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("WeLink API", await docs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Errors_are_problem_details_carrying_the_trace_id()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await WeLinkTestHost.StartAsync(database.HostArgs);

        var response = await host.Http.GetAsync(new Uri("/no/such/route", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", problem.RootElement.GetProperty("traceId").GetString());
    }
}

public sealed class HostTests_on_Sqlite() : HostTests(DatabaseProvider.Sqlite);

public sealed class HostTests_on_Postgres() : HostTests(DatabaseProvider.Postgres);
