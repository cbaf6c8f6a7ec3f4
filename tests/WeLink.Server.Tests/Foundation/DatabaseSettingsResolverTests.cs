using Microsoft.Extensions.Configuration;
using Npgsql;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Foundation;

public sealed class DatabaseSettingsResolverTests
{
    [Fact]
    public void A_postgres_connection_string_that_says_nothing_about_prepared_statements_gets_the_default()
    {
        var settings = Resolve("Host=db.internal;Username=welink;Database=welink");

        Assert.Equal(DatabaseSettingsResolver.DefaultMaxAutoPrepare, new NpgsqlConnectionStringBuilder(settings.ConnectionString).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0", 0)]
    [InlineData("max auto prepare=12", 12)]
    [InlineData("MaxAutoPrepare=40", 40)]
    public void A_postgres_connection_string_that_sets_prepared_statements_is_kept(string setting, int expected)
    {
        var settings = Resolve($"Host=db.internal;Username=welink;Database=welink;{setting}");

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(settings.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void A_postgres_connection_string_that_says_nothing_about_resets_skips_them()
    {
        var settings = Resolve("Host=db.internal;Username=welink;Database=welink");

        Assert.True(new NpgsqlConnectionStringBuilder(settings.ConnectionString).NoResetOnClose);
    }

    [Theory]
    [InlineData("No Reset On Close=false")]
    [InlineData("NoResetOnClose=False")]
    public void A_postgres_connection_string_that_asks_for_resets_is_kept(string setting)
    {
        var settings = Resolve($"Host=db.internal;Username=welink;Database=welink;{setting}");

        Assert.False(new NpgsqlConnectionStringBuilder(settings.ConnectionString).NoResetOnClose);
    }

    private static DatabaseSettings Resolve(string connectionString) =>
        DatabaseSettingsResolver.Resolve(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "postgres",
                [DatabaseOptions.ConnectionStringKey] = connectionString,
            }).Build(),
            Path.GetTempPath());
}
