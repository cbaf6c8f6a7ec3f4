using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Security;

namespace WeLink.Server.Members;

/// <summary>
/// Each brand's two member keys (<c>brand_member_keys</c>): the phone index's and the card codes'. Made at random on the
/// brand's first use, stored encrypted with the key ring, and kept in memory once read (keys never change, so every node
/// reads the same pair; a race to make them keeps the first row written).
/// </summary>
public sealed class MemberKeys(IDbConnectionFactory connections, ISecretProtector protector, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, BrandMemberKeys> _keys = new();

    public async ValueTask<BrandMemberKeys> OfBrandAsync(Guid brandId, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(brandId, out var known))
        {
            return known;
        }

        const string select = "SELECT index_key_protected, card_key_protected FROM brand_member_keys WHERE brand_id = @brandId";
        const string insert = """
            INSERT INTO brand_member_keys (brand_id, index_key_protected, card_key_protected, created_at)
            VALUES (@brandId, @indexKey, @cardKey, @now)
            ON CONFLICT (brand_id) DO NOTHING
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<(string IndexKey, string CardKey)?>(
            new CommandDefinition(select, new { brandId }, cancellationToken: cancellationToken));
        if (stored is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                insert,
                new { brandId, indexKey = NewKey(), cardKey = NewKey(), now = time.GetUtcNow() },
                cancellationToken: cancellationToken));
            stored = await connection.QuerySingleAsync<(string IndexKey, string CardKey)>(
                new CommandDefinition(select, new { brandId }, cancellationToken: cancellationToken));
        }

        var keys = new BrandMemberKeys(
            Convert.FromBase64String(protector.Unprotect(stored.Value.IndexKey)),
            Convert.FromBase64String(protector.Unprotect(stored.Value.CardKey)));
        return _keys.GetOrAdd(brandId, keys);
    }

    private string NewKey() => protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}

/// <summary>A brand's member keys in use.</summary>
public sealed class BrandMemberKeys(byte[] indexKey, byte[] cardKey)
{
    /// <summary>The searchable stand-in for a normalised phone number: HMAC-SHA256 under the brand's index key, hex.</summary>
    public string PhoneIndex(string normalisedPhone) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(indexKey, Encoding.UTF8.GetBytes(normalisedPhone)));

    /// <summary>The signature of a card code's text under the brand's card key.</summary>
    public byte[] SignCard(string text) => HMACSHA256.HashData(cardKey, Encoding.UTF8.GetBytes(text));
}
