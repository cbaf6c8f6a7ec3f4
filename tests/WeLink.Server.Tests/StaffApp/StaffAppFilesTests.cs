using System.Net;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.StaffApp;

/// <summary>The built staff app served under /wecom-app/ over real HTTP, from a folder laid out as Vite builds it.</summary>
public abstract class StaffAppFilesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("welink-wecom-app-").FullName;
    private TestDatabase _database = null!;
    private WeLinkTestHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_root, "index.html"), "<!doctype html><title>企业微信</title><script type=module src=/wecom-app/assets/index-Bx1c9.js></script>");
        await File.WriteAllTextAsync(Path.Combine(_root, "assets", "index-Bx1c9.js"), "console.log('app')");
        _database = await TestDatabase.CreateMigratedAsync(provider);
        _host = await WeLinkTestHost.StartAsync([.. _database.HostArgs, $"--StaffApp:Root={_root}"]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>A caller without a session who does not follow redirects.</summary>
    private HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.BaseAddress };

    [Fact]
    public async Task The_app_page_is_served_to_anyone_and_revalidated_on_every_load()
    {
        using var browser = Browser();
        var page = await browser.GetAsync(new Uri("/wecom-app/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("企业微信", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(page.Headers.CacheControl!.NoCache);
    }

    [Fact]
    public async Task The_app_path_without_its_slash_redirects_to_the_app_page()
    {
        using var browser = Browser();
        var answer = await browser.GetAsync(new Uri("/wecom-app", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, answer.StatusCode);
        Assert.Equal("/wecom-app/", answer.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Hashed_assets_are_kept_for_a_year()
    {
        using var browser = Browser();
        var script = await browser.GetAsync(new Uri("/wecom-app/assets/index-Bx1c9.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), script.Headers.CacheControl!.MaxAge);
        Assert.Contains("immutable", script.Headers.CacheControl.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_404_not_the_app_page()
    {
        using var browser = Browser();
        var missing = await browser.GetAsync(new Uri("/wecom-app/assets/index-old.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class StaffAppFilesTests_on_Sqlite() : StaffAppFilesTests(DatabaseProvider.Sqlite);

public sealed class StaffAppFilesTests_on_Postgres() : StaffAppFilesTests(DatabaseProvider.Postgres);
