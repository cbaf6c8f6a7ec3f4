using System.Text.Json;

namespace WeLink.Sandbox.Tests.Infrastructure;

/// <summary>Calls as a WeChat client would make them: JSON in, JSON out, errcode inside an HTTP 200.</summary>
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

    /// <summary>0 when the body carries no errcode, as successful token answers do.</summary>
    public static int Errcode(this JsonElement body) =>
        body.TryGetProperty("errcode", out var errcode) ? errcode.GetInt32() : 0;

    public static string Text(this JsonElement body, string name) => body.GetProperty(name).GetString()!;
}
