using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using WeLink.Server.Hosting;

namespace WeLink.Server.Tests.LocalRun;

/// <summary>
/// WeLink started as the README's local run starts it: the real entry point's builder, the Development environment and
/// the shipped appsettings files, copied into a folder of its own that serves as the content root, so the SQLite
/// database and the sandbox's state land in that folder's <c>data/</c>. Only the port differs from 5000, so tests can
/// run side by side. <see cref="RestartAsync"/> stops the host and starts a new one on the same folder and port.
/// </summary>
public sealed class LocalRunHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly int _port;

    private LocalRunHost(string folder, int port, WebApplication app)
    {
        _folder = folder;
        _port = port;
        App = app;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public const string AdminEmail = "admin@welink.local";
    public const string AdminPassword = "welink-local-admin";

    public WebApplication App { get; private set; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public string DataFolder => Path.Combine(_folder, "data");

    public static async Task<LocalRunHost> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("welink-local-run-").FullName;
        var settings = Path.Combine(RepositoryRoot.Path, "src", "WeLink.Server");
        foreach (var file in Directory.GetFiles(settings, "appsettings*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var port = FreePort.Loopback();
        return new LocalRunHost(folder, port, await StartAppAsync(folder, port));
    }

    /// <summary>Stops WeLink (and the sandbox inside it) and starts both again on the same folder, as Ctrl+C and a new `dotnet run` would.</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        App = await StartAppAsync(_folder, _port);
    }

    public async Task<T> QuerySingleAsync<T>(string sql, object parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataFolder, "welink.db")};Pooling=false");
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<WebApplication> StartAppAsync(string folder, int port)
    {
        var app = WeLinkApp.Build(
        [
            $"--contentRoot={folder}",
            "--environment=Development",
            $"--urls=http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
