using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WeLink.Server.Tests.Admin;

/// <summary>An admin's browser-like HTTP client on a test host: its own cookie jar, redirects not followed.</summary>
public sealed class AdminClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private readonly CookieContainer _cookies = new();

    private AdminClient(WeLinkTestHost host)
    {
        Http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false })
        {
            BaseAddress = host.BaseAddress,
        };
    }

    public HttpClient Http { get; }

    /// <summary>The session as a Cookie header, for calls that must not change this client's session (a sign-out).</summary>
    public string CookieHeader => _cookies.GetCookieHeader(Http.BaseAddress!);

    public static AdminClient Anonymous(WeLinkTestHost host) => new(host);

    /// <summary>A client signed in through the JSON login; fails the test when sign-in does not succeed.</summary>
    public static async Task<AdminClient> SignedInAsync(WeLinkTestHost host, string email, string password)
    {
        var client = new AdminClient(host);
        var response = await client.LoginAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        Http.PostAsJsonAsync("/api/admin/login", new { email, password }, Json);

    public Task<HttpResponseMessage> PostAsync(string path, object? body) =>
        body is null ? Http.PostAsync(path, null) : Http.PostAsJsonAsync(path, body, Json);

    /// <summary>POSTs and reads the answer, failing the test unless it is a success.</summary>
    public async Task<T> PostOkAsync<T>(string path, object body)
    {
        var response = await PostAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<T> GetOkAsync<T>(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public void Dispose() => Http.Dispose();
}
