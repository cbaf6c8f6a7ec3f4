using System.Data.Common;
using Dapper;

namespace WeLink.Server.Members;

/// <summary>The one write of <c>member_profile_changes</c>, inside the transaction that changed the field.</summary>
public static class MemberProfileHistory
{
    public static Task RecordAsync(
        DbConnection connection, DbTransaction transaction, Guid brandId, Guid memberId, string field, string? value, string source, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO member_profile_changes (id, brand_id, member_id, field, value, source, changed_at)
            VALUES (@id, @brandId, @memberId, @field, @value, @source, @at)
            """,
            new { id = Guid.CreateVersion7(), brandId, memberId, field, value, source, at },
            transaction,
            cancellationToken: cancellationToken));
}
