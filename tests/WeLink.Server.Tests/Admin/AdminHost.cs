using Microsoft.AspNetCore.Builder;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Admin;

/// <summary>A test database and a WeLink host on it whose first platform admin is <see cref="RootEmail"/>.</summary>
public sealed class AdminHost : IAsyncDisposable
{
    public const string RootEmail = "root@welink.test";
    public const string RootPassword = "root-password-0123";

    private AdminHost(TestDatabase database, WeLinkTestHost host)
    {
        Database = database;
        Host = host;
    }

    public TestDatabase Database { get; }

    public WeLinkTestHost Host { get; }

    public static async Task<AdminHost> StartAsync(DatabaseProvider provider, Action<WebApplicationBuilder>? configure = null, params string[] args)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        try
        {
            var host = await WeLinkTestHost.StartAsync(
                [.. database.HostArgs, $"--Admin:BootstrapEmail={RootEmail}", $"--Admin:BootstrapPassword={RootPassword}", .. args],
                configure);
            return new AdminHost(database, host);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public Task<AdminClient> RootAsync() => AdminClient.SignedInAsync(Host, RootEmail, RootPassword);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
