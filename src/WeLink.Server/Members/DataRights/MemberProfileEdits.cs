using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Members.DataRights;

/// <summary>The fields a member changes themselves: their name and their home dealer, each change kept in the profile history with its source.</summary>
public sealed class MemberProfileEdits(IDbConnectionFactory connections, TimeProvider time)
{
    public const string NameField = "name";
    public const string HomeDealerField = "home_dealer";

    /// <summary>The most a name may hold, as the pages say.</summary>
    public const int MaxName = 20;

    public Task SetNameAsync(Guid brandId, Guid memberId, string name, string source, CancellationToken cancellationToken) =>
        SetAsync("UPDATE members SET name = @value, updated_at = @at WHERE id = @memberId AND brand_id = @brandId AND (name IS NULL OR name <> @value)",
            brandId, memberId, NameField, name, source, cancellationToken);

    public Task SetHomeDealerAsync(Guid brandId, Guid memberId, Guid dealerId, string source, CancellationToken cancellationToken) =>
        SetAsync("UPDATE members SET home_dealer_id = @value, updated_at = @at WHERE id = @memberId AND brand_id = @brandId AND home_dealer_id <> @value",
            brandId, memberId, HomeDealerField, dealerId, source, cancellationToken);

    /// <summary>Writes the field and its history row together; a value the member already has changes nothing and records nothing.</summary>
    private async Task SetAsync<T>(string sql, Guid brandId, Guid memberId, string field, T value, string source, CancellationToken cancellationToken)
        where T : notnull
    {
        var at = time.GetUtcNow();
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, new { value, at, memberId, brandId }, transaction, cancellationToken: cancellationToken)) == 1)
        {
            await MemberProfileHistory.RecordAsync(connection, transaction, brandId, memberId, field, value.ToString(), source, at, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
