using System.Data.Common;
using Npgsql;
using WeLink.Server.Data.Dialects;

namespace WeLink.Server.Data;

/// <summary>One pooled <see cref="NpgsqlDataSource"/> per process, as Npgsql recommends.</summary>
public sealed class PostgresConnectionFactory(NpgsqlDataSource dataSource) : IDbConnectionFactory
{
    public SqlDialect Dialect => PostgresDialect.Instance;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}
