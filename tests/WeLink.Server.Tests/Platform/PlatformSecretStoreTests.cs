using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Tests.Platform;

public abstract class PlatformSecretStoreTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Tickets_and_credentials_survive_a_restart_and_are_never_stored_in_clear()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        // The sandbox's own ticket pushes would add rows of their own now that the callback URLs store them.
        string[] args = [.. database.HostArgs, "--Sandbox:PushTicketsOnSchedule=false"];
        await using (var first = await WeLinkTestHost.StartAsync(args))
        {
            await first.Services.GetRequiredService<IComponentTicketStore>().SaveAsync("wxcomponent", "ticket-one", CancellationToken.None);
            await first.Services.GetRequiredService<ISuiteTicketStore>().SaveAsync("wwsuite", "suite-ticket-one", CancellationToken.None);
            await first.Services.GetRequiredService<IAuthorizerCredentialStore>().SaveRefreshTokenAsync("wxdealer", "refresh@secret", CancellationToken.None);
            await first.Services.GetRequiredService<ICorpCredentialStore>().SavePermanentCodeAsync("wwcorp", "permanent@secret", CancellationToken.None);
        }

        await using var second = await WeLinkTestHost.StartAsync(args);

        Assert.Equal("ticket-one", await second.Services.GetRequiredService<IComponentTicketStore>().GetAsync("wxcomponent", CancellationToken.None));
        Assert.Equal("suite-ticket-one", await second.Services.GetRequiredService<ISuiteTicketStore>().GetAsync("wwsuite", CancellationToken.None));
        Assert.Equal("refresh@secret", await second.Services.GetRequiredService<IAuthorizerCredentialStore>().GetRefreshTokenAsync("wxdealer", CancellationToken.None));
        Assert.Equal("permanent@secret", await second.Services.GetRequiredService<ICorpCredentialStore>().GetPermanentCodeAsync("wwcorp", CancellationToken.None));
        Assert.Equal(4, await database.ScalarAsync<long>("SELECT COUNT(*) FROM platform_secrets"));
        Assert.Equal(0, await database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM platform_secrets WHERE protected_value LIKE '%secret%' OR protected_value LIKE '%ticket%'"));
    }

    [Fact]
    public async Task A_newer_ticket_replaces_the_older_one_and_owners_never_mix()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await WeLinkTestHost.StartAsync(database.HostArgs);
        var tickets = host.Services.GetRequiredService<IComponentTicketStore>();

        await tickets.SaveAsync("wxcomponent-a", "old", CancellationToken.None);
        await tickets.SaveAsync("wxcomponent-b", "other", CancellationToken.None);
        await tickets.SaveAsync("wxcomponent-a", "new", CancellationToken.None);

        Assert.Equal("new", await tickets.GetAsync("wxcomponent-a", CancellationToken.None));
        Assert.Equal("other", await tickets.GetAsync("wxcomponent-b", CancellationToken.None));
        Assert.Null(await tickets.GetAsync("wxcomponent-c", CancellationToken.None));
        Assert.Null(await host.Services.GetRequiredService<ISuiteTicketStore>().GetAsync("wxcomponent-a", CancellationToken.None));
    }
}

public sealed class PlatformSecretStoreTests_on_Sqlite() : PlatformSecretStoreTests(DatabaseProvider.Sqlite);

public sealed class PlatformSecretStoreTests_on_Postgres() : PlatformSecretStoreTests(DatabaseProvider.Postgres);
