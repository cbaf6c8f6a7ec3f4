using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Security;

namespace WeLink.Server.Tests.Foundation;

public abstract class SecretTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_secret_protected_by_one_node_is_readable_by_another_sharing_the_database()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        const string secret = "authorizer-refresh-token-刷新令牌";
        string protectedSecret;
        await using (var first = await WeLinkTestHost.StartAsync(database.HostArgs))
        {
            protectedSecret = first.Services.GetRequiredService<ISecretProtector>().Protect(secret);
        }

        await using var second = await WeLinkTestHost.StartAsync(database.HostArgs);

        Assert.DoesNotContain("refresh", protectedSecret, StringComparison.Ordinal);
        Assert.Equal(secret, second.Services.GetRequiredService<ISecretProtector>().Unprotect(protectedSecret));
        Assert.True(await database.ScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys") >= 1);
    }

    [Fact]
    public async Task A_tampered_secret_is_refused()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var host = await WeLinkTestHost.StartAsync(database.HostArgs);
        var protector = host.Services.GetRequiredService<ISecretProtector>();
        var protectedSecret = protector.Protect("permanent-code");
        var tampered = protectedSecret[..^2] + (protectedSecret[^2] == 'A' ? "B" : "A") + protectedSecret[^1];

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => { protector.Unprotect(tampered); });
    }
}

public sealed class SecretTests_on_Sqlite() : SecretTests(DatabaseProvider.Sqlite);

public sealed class SecretTests_on_Postgres() : SecretTests(DatabaseProvider.Postgres);
