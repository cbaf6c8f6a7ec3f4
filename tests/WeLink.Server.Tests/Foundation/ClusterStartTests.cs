using System.Net;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Foundation;

public sealed class ClusterStartTests
{
    [Fact]
    public async Task Two_hosts_started_at_once_on_one_postgres_database_both_come_up()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

        var hosts = await Task.WhenAll(
            Task.Run(() => WeLinkTestHost.StartAsync(database.HostArgs)),
            Task.Run(() => WeLinkTestHost.StartAsync(database.HostArgs)));

        try
        {
            foreach (var host in hosts)
            {
                var ready = await host.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            var scripts = await database.ScalarAsync<long>("SELECT COUNT(*) FROM schemaversions");
            var distinct = await database.ScalarAsync<long>("SELECT COUNT(DISTINCT scriptname) FROM schemaversions");
            Assert.Equal(distinct, scripts);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
