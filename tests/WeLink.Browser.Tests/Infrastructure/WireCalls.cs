using System.Net.Http.Json;
using System.Text.Json;

namespace WeLink.Browser.Tests.Infrastructure;

/// <summary>Calls as a WeChat client makes them: JSON in, JSON out, errcode inside an HTTP 200.</summary>
public static class WireCalls
{
    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The named string field; fails the test with the whole answer when it is missing.</summary>
    public static string Text(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.GetString() is { } text
            ? text
            : throw new Xunit.Sdk.XunitException($"The answer has no '{name}': {body.GetRawText()}");
}
