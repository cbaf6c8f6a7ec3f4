using System.Security.Cryptography;
using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Members.Joining;

/// <summary>
/// Makes a record a member with a card: its member number (ten digits, random, unique within the brand), the starting
/// tier and the time it joined. A record that has its number keeps it, so a repeated delivery changes nothing.
/// </summary>
public sealed class CardIssue(IDbConnectionFactory connections, TimeProvider time)
{
    private const int Attempts = 5;

    public async Task IssueAsync(Guid brandId, Guid memberId, string tier, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE members SET status = 'member', member_number = @number, tier = @tier, joined_at = @now, updated_at = @now
            WHERE id = @memberId AND brand_id = @brandId AND member_number IS NULL AND status IN ('known', 'member')
            """;
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            try
            {
                await using var connection = await connections.OpenConnectionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(sql, new { number = NewNumber(), tier, now, memberId, brandId }, cancellationToken: cancellationToken));
                return;
            }
            catch (Exception e) when (DbErrors.IsUniqueViolation(e) && attempt < Attempts)
            {
                // Another member of the brand drew the same number: draw again.
            }
        }
    }

    /// <summary>Ten digits, the first not zero, so the number reads the same everywhere it is written.</summary>
    private static string NewNumber() => RandomNumberGenerator.GetInt32(1_000_000_000, int.MaxValue).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}
