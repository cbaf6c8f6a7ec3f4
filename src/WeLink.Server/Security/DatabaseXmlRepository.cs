using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using WeLink.Server.Data;

namespace WeLink.Server.Security;

/// <summary>
/// Keeps the Data Protection key ring in WeLink's database, so every node encrypts and decrypts with the
/// same keys (a key ring on one node's disk would make the other nodes unable to read stored secrets).
/// <see cref="IXmlRepository"/> is synchronous by design; these calls are rare (start-up and key rotation).
/// </summary>
public sealed class DatabaseXmlRepository(IDbConnectionFactory connections, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        const string sql = "SELECT xml FROM data_protection_keys ORDER BY created_at";
        using var connection = connections.OpenConnectionAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return connection.Query<string>(sql).Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        const string sql = """
            INSERT INTO data_protection_keys (friendly_name, xml, created_at)
            VALUES (@friendlyName, @xml, @createdAt)
            ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml
            """;
        using var connection = connections.OpenConnectionAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        connection.Execute(sql, new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), createdAt = time.GetUtcNow() });
    }
}
