using System.Data.Common;
using WeLink.Server.Data.Dialects;

namespace WeLink.Server.Data;

/// <summary>Opens connections to WeLink's database, whichever provider is configured.</summary>
public interface IDbConnectionFactory
{
    /// <summary>The SQL of the configured provider where the two differ.</summary>
    SqlDialect Dialect { get; }

    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}
