using System.Data.Common;
using Npgsql;

namespace WeLink.Server.Data;

/// <summary>One pooled <see cref="NpgsqlDataSource"/> per process, as Npgsql recommends.</summary>
public sealed class PostgresConnectionFactory(NpgsqlDataSource dataSource) : IDbConnectionFactory
{
    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}
