using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Tenancy;

/// <summary>
/// Failed admin sign-ins per account and source (<c>admin_sign_in_throttles</c>). An account is the normalised email
/// typed, whether or not an admin has it, so an unknown email is counted and answered like a known one.
/// </summary>
public sealed class AdminSignInThrottles(IDbConnectionFactory connections)
{
    /// <summary>
    /// Counts an attempt as failed before its password is checked, in one statement, so concurrent attempts each see all
    /// the ones before them and none can slip past the limit; a success takes the count back (<see cref="ClearSourceAsync"/>).
    /// A count whose last failure is older than <paramref name="forgetBefore"/> starts over. Returns the failures before this one.
    /// </summary>
    public async Task<AdminSignInFailures> CountAttemptAsync(
        string account, string source, DateTimeOffset now, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO admin_sign_in_throttles (email, source, failures, last_failure_at, previous_failure_at)
            VALUES (@account, @source, 1, @now, NULL)
            ON CONFLICT (email, source) DO UPDATE SET
                failures = CASE WHEN admin_sign_in_throttles.last_failure_at < @forgetBefore THEN 1 ELSE admin_sign_in_throttles.failures + 1 END,
                previous_failure_at = CASE WHEN admin_sign_in_throttles.last_failure_at < @forgetBefore THEN NULL ELSE admin_sign_in_throttles.last_failure_at END,
                last_failure_at = @now
            RETURNING failures AS Failures, previous_failure_at AS PreviousFailureAt
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CountRow>(
            new CommandDefinition(sql, new { account, source, now, forgetBefore }, cancellationToken: cancellationToken));
        return new AdminSignInFailures(row.Failures - 1, row.PreviousFailureAt);
    }

    /// <summary>Forgets a source's failures on an account after it signed in.</summary>
    public async Task ClearSourceAsync(string account, string source, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM admin_sign_in_throttles WHERE email = @account AND source = @source";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { account, source }, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes counts whose last failure is older than <paramref name="forgetBefore"/>; the number deleted.</summary>
    public async Task<int> PurgeForgottenAsync(DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM admin_sign_in_throttles WHERE last_failure_at < @forgetBefore";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { forgetBefore }, cancellationToken: cancellationToken));
    }

    /// <summary>Forgets every source's failures on an account; the number of sources that had any.</summary>
    public async Task<int> ClearAccountAsync(string account, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM admin_sign_in_throttles WHERE email = @account";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { account }, cancellationToken: cancellationToken));
    }

    private sealed record CountRow
    {
        public required int Failures { get; init; }

        public DateTimeOffset? PreviousFailureAt { get; init; }
    }
}
