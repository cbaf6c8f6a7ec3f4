using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.Credentials;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;
using WeLink.Wechat.WeCom.JsSdk;

namespace WeLink.Server.Tests.StaffApp;

/// <summary>
/// <c>GET /api/staff/app/config</c> against a real WeLink whose sandbox issues the corps' JS-SDK tickets: the signatures
/// are good for the tickets WeCom handed out, the tickets are fetched once and then cached, and only WeLink's own pages
/// are signed.
/// </summary>
public abstract class AppConfigTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ComplaintWorld _world = null!;
    private HttpClient _advisor = null!;

    private Uri Page => new(_world.Host.BaseAddress, "/wecom-app/?from=toolbar");

    public async Task InitializeAsync()
    {
        _world = await ComplaintWorld.StartAsync(provider);
        _advisor = await _world.StaffAsync(_world.Advisor);
    }

    public async Task DisposeAsync()
    {
        _advisor.Dispose();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task The_config_names_the_dealers_corp_and_agent_and_signs_the_page_with_the_tickets_WeCom_issued_and_the_sandbox_bridge()
    {
        var url = Page.AbsoluteUri;
        var config = await ConfigAsync(url);

        var corp = _world.Host.Services.GetRequiredService<SandboxCredentials>().Grants.FindInstallation(_world.BeijingCorpId)!;
        Assert.Equal(_world.BeijingCorpId, config.GetProperty("corpId").GetString());
        Assert.Equal(corp.AgentId, config.GetProperty("agentId").GetInt64());
        Assert.Equal("/sandbox/wecom/bridge.js", config.GetProperty("bridgeScript").GetString());
        Assert.True(Verifies(config.GetProperty("corpSignature"), Ticket(TokenKind.CorpJsapiTicket), url));
        Assert.True(Verifies(config.GetProperty("agentSignature"), Ticket(TokenKind.AgentConfigTicket), url));
        Assert.False(Verifies(config.GetProperty("agentSignature"), Ticket(TokenKind.CorpJsapiTicket), url));
    }

    [Fact]
    public async Task Many_pages_signed_at_once_fetch_each_ticket_once()
    {
        var urls = Enumerable.Range(0, 20).Select(i => new Uri(Page, $"?page={i}").AbsoluteUri).ToList();
        var configs = await Task.WhenAll(urls.Select(ConfigAsync));

        var tokens = _world.Host.Services.GetRequiredService<SandboxCredentials>().Tokens.Export().Tokens;
        Assert.Single(tokens, t => t.Token.Kind == TokenKind.CorpJsapiTicket);
        Assert.Single(tokens, t => t.Token.Kind == TokenKind.AgentConfigTicket);
        Assert.All(configs.Zip(urls), c => Assert.True(Verifies(c.First.GetProperty("agentSignature"), Ticket(TokenKind.AgentConfigTicket), c.Second)));
    }

    [Theory]
    [InlineData("https://evil.example/wecom-app/")]
    [InlineData("/wecom-app/")]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    public async Task Another_sites_page_or_no_absolute_url_is_refused_with_422_naming_the_url(string url)
    {
        using var response = await _advisor.GetAsync(new Uri($"/api/staff/app/config?url={Uri.EscapeDataString(url)}", UriKind.Relative));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty("url")[0].GetString()!);
    }

    [Fact]
    public async Task A_url_with_its_hash_part_is_refused_since_WeCom_signs_the_page_without_it()
    {
        using var response = await _advisor.GetAsync(new Uri(
            $"/api/staff/app/config?url={Uri.EscapeDataString(Page.AbsoluteUri + "#/contact")}", UriKind.Relative));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("#", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> ConfigAsync(string url)
    {
        using var response = await _advisor.GetAsync(new Uri($"/api/staff/app/config?url={Uri.EscapeDataString(url)}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private string Ticket(TokenKind kind) =>
        Assert.Single(_world.Host.Services.GetRequiredService<SandboxCredentials>().Tokens.ValidValues(kind, _world.BeijingCorpId));

    private static bool Verifies(JsonElement signature, string ticket, string url) => JsSdkSignature.Verify(
        signature.GetProperty("signature").GetString(),
        ticket,
        signature.GetProperty("nonceStr").GetString()!,
        signature.GetProperty("timestamp").GetInt64(),
        url);
}

public sealed class AppConfigTests_on_Sqlite() : AppConfigTests(DatabaseProvider.Sqlite);

public sealed class AppConfigTests_on_Postgres() : AppConfigTests(DatabaseProvider.Postgres);
