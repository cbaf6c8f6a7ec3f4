using System.Data.Common;

namespace WeLink.Server.Data;

/// <summary>Opens connections to WeLink's database, whichever provider is configured.</summary>
public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}
