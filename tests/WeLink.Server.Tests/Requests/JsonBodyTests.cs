using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeLink.Server.Shared;
using WeLink.Server.Tests.Admin;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace WeLink.Server.Tests.Requests;

/// <summary>
/// Every JSON body WeLink reads, found in the app's own endpoints (<see cref="JsonEndpoint.AllAsync"/>) rather than listed
/// here, so an endpoint added later is held to the same rules the day it is mapped: every string field, however deep,
/// refuses an oversized value with a ProblemDetails naming the field and stores nothing; a body that is not JSON is the
/// caller's mistake (400 or 415), never a 500. Each call is made by someone the route lets in, on their own data, so what
/// refuses it is the body.
/// </summary>
public abstract class JsonBodyTests<TWorld>(TWorld world) : IClassFixture<TWorld>, IDisposable
    where TWorld : TenancyWorld
{
    /// <summary>More than any free-text field takes, and far inside the 1 MB body limit.</summary>
    private const int Oversized = 10_000;

    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = world.Admin.Host.BaseAddress,
    };

    private JsonSerializerOptions Json => world.Admin.Host.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;

    [Fact]
    public async Task Every_string_field_of_every_json_body_refuses_an_oversized_value_naming_the_field_and_storing_nothing()
    {
        var endpoints = await JsonEndpoint.AllAsync(world);
        await SettledAsync();
        var failures = new List<string>();
        var tried = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var path in StringPaths(Json.GetTypeInfo(endpoint.RequestType), [], depth: 0))
            {
                var body = endpoint.SampleBody(world);
                Set(body, path, new string('长', Oversized));
                var field = path.OfType<string>().Last();
                var what = $"{endpoint.Name} with {Oversized} characters in {string.Join(".", path)}";
                tried.Add(what);
                var route = await endpoint.Row.PathForAsync(world, endpoint.Caller.Own);
                var before = await RowCountsAsync();

                var (status, problem) = await SendAsync(endpoint, route, "application/json", body.ToJsonString());

                var named = problem?.TryGetProperty("errors", out var errors) == true
                    && errors.EnumerateObject().Any(e => Normalize(e.Name).Contains(Normalize(field), StringComparison.Ordinal));
                if (status is not (400 or 422) || !named)
                {
                    failures.Add($"{what}: answered {status} {problem}, expected 400/422 with an error naming '{field}'");
                }
                else if (await RowCountsAsync() is var after && !after.SequenceEqual(before))
                {
                    failures.Add($"{what}: refused, yet rows changed in {string.Join(", ", after.Where(a => before[a.Key] != a.Value).Select(a => a.Key))}");
                }
            }
        }

        Assert.Contains(tried, t => t.StartsWith("POST /api/consumer/complaints with", StringComparison.Ordinal));
        Assert.Contains(tried, t => t.StartsWith("PUT /api/admin/brands/{brandId}/menu with", StringComparison.Ordinal) && t.EndsWith("sub_button.0.name", StringComparison.Ordinal));
        Assert.Contains(tried, t => t.StartsWith("POST /api/admin/login with", StringComparison.Ordinal));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_400_or_415_on_every_json_endpoint_never_500()
    {
        (string ContentType, string Body)[] bodies =
        [
            ("text/plain", "file a complaint"),
            ("application/x-www-form-urlencoded", "text=hello"),
            ("application/json", "{\"text\": "),
            ("application/json", "not json at all"),
            ("application/json", ""),
        ];
        var failures = new List<string>();
        foreach (var endpoint in await JsonEndpoint.AllAsync(world))
        {
            var route = await endpoint.Row.PathForAsync(world, endpoint.Caller.Own);
            foreach (var (contentType, body) in bodies)
            {
                var (status, problem) = await SendAsync(endpoint, route, contentType, body);

                // An endpoint whose body is optional (a transition without input) runs on an empty one; it still must not fail.
                if (body.Length == 0 && endpoint.BodyIsOptional && status < 500)
                {
                    continue;
                }

                if (status is not (400 or 415) || problem is null)
                {
                    failures.Add($"{endpoint.Name} with {contentType} '{body}': answered {status} {problem}, expected 400 or 415 as ProblemDetails");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The path of every string in the JSON shape: property names, 0 for a list's first item, null for any key of a
    /// dictionary. A type that holds itself (a menu button's sub-buttons) is followed one level deep.
    /// </summary>
    private IEnumerable<IReadOnlyList<object?>> StringPaths(JsonTypeInfo info, IReadOnlyList<object?> prefix, int depth)
    {
        if (info.Type == typeof(string))
        {
            return [prefix];
        }

        if (depth > 4)
        {
            return [];
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Object => info.Properties.SelectMany(p => StringPaths(Json.GetTypeInfo(p.PropertyType), [.. prefix, p.Name], depth + 1)),
            JsonTypeInfoKind.Enumerable => StringPaths(Json.GetTypeInfo(info.ElementType!), [.. prefix, 0], depth + 1),
            JsonTypeInfoKind.Dictionary => StringPaths(Json.GetTypeInfo(info.ElementType!), [.. prefix, null], depth + 1),
            _ => [],
        };
    }

    /// <summary>Puts <paramref name="value"/> at the path, making the objects and lists on the way; a dictionary key is the sample's first.</summary>
    private static void Set(JsonNode node, IReadOnlyList<object?> path, string value)
    {
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            JsonNode Make() => last ? JsonValue.Create(value) : path[i + 1] is int ? new JsonArray() : new JsonObject();
            switch (path[i])
            {
                case int:
                    var array = node.AsArray();
                    if (last || array.Count == 0)
                    {
                        array.Clear();
                        array.Add(Make());
                    }

                    node = array[0]!;
                    break;
                default:
                    var obj = node.AsObject();
                    var key = path[i] as string ?? (obj.Count > 0 ? obj.First().Key : "key");
                    if (last || obj[key] is null)
                    {
                        obj[key] = Make();
                    }

                    node = obj[key]!;
                    break;
            }
        }
    }

    /// <summary>"button[0].sub_button[0].Name" and "sub_button" compare alike: the errors' keys may be cased or spelled either way.</summary>
    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private async Task<(int Status, JsonElement? Problem)> SendAsync(JsonEndpoint endpoint, string route, string contentType, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Row.Method), new Uri(route, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add("Cookie", endpoint.Caller.Cookie);
        request.Headers.Add(IdempotencyKey.Header, world.Unique("body"));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonSerializer.Deserialize<JsonElement>(text) : (JsonElement?)null;
        return ((int)response.StatusCode, problem);
    }

    /// <summary>
    /// The world's complaints start background work when they are filed (assignment, notices); row counts say what a
    /// refused request stored only once that work is done: every outbox item tried at least once, and two equal counts
    /// in a row.
    /// </summary>
    private async Task SettledAsync()
    {
        var last = await RowCountsAsync();
        await Poll.UntilAsync(
            async () =>
            {
                var untried = await world.Admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND attempts = 0");
                var now = await RowCountsAsync();
                var settled = untried == 0 && now.SequenceEqual(last);
                last = now;
                return settled;
            },
            settled => settled,
            Deadline.BackgroundWork,
            "the world's background work to settle");
    }

    private async Task<SortedDictionary<string, long>> RowCountsAsync()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        // The messenger's ledger is written only while the outbox delivers (and again when a failing delivery is
        // retried with backoff), never by a request: what a request asks to be sent shows as its outbox rows.
        foreach (var table in (await world.Admin.Database.TableNamesAsync()).Where(t => t != "case_messages"))
        {
            // Steps by the system actor are the world's background work (assignment and its retries), never a request's.
            var sql = table == "case_history"
                ? "SELECT COUNT(*) FROM case_history WHERE actor_kind <> 'system'"
                : $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = await world.Admin.Database.ScalarAsync<long>(sql);
        }

        return counts;
    }
}

public sealed class JsonBodyTests_on_Sqlite(SqliteTenancyWorld world) : JsonBodyTests<SqliteTenancyWorld>(world);

public sealed class JsonBodyTests_on_Postgres(PostgresTenancyWorld world) : JsonBodyTests<PostgresTenancyWorld>(world);
