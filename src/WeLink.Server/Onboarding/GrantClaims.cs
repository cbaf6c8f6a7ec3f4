using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding;

/// <summary>
/// Exactly-once exchange of single-use authorization and install codes. The browser's redirect and the
/// platform's push carry the same code; the first to insert the code's row exchanges it, the other reads the
/// outcome. A claim left unfinished (its node died) is taken over after <see cref="OnboardingOptions.StaleClaimAfter"/>.
/// Also remembers what WeLink issued: pre-auth codes and install states, each naming its dealer.
/// </summary>
public sealed class GrantClaims(IDbConnectionFactory connections, TimeProvider time, IOptions<OnboardingOptions> options)
{
    private const string Completed = "completed";

    /// <summary>The <c>onboarding_grants</c> side of a brand's mini-program authorization codes.</summary>
    private const string MiniProgramSide = "miniprogram";

    /// <summary>Codes are stored hashed: a used code is harmless, but nothing secret-looking is kept in clear.</summary>
    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>
    /// Runs <paramref name="exchange"/> if this caller is first with the code, and records its outcome. Otherwise
    /// returns the other caller's outcome when <paramref name="waitForOther"/> (a browser waiting for its page),
    /// or null at once (a push: the one that got there first finishes the work). A failed exchange gives the
    /// code back, so the push's retry can try again.
    /// </summary>
    public Task<OnboardingOutcome?> ExchangeOnceAsync(
        LinkSide side,
        string code,
        Guid? dealerId,
        bool waitForOther,
        Func<CancellationToken, Task<OnboardingOutcome>> exchange,
        CancellationToken cancellationToken) =>
        ExchangeOnceAsync(LinkStore.SideName(side), code, dealerId, waitForOther, exchange, cancellationToken);

    /// <summary>
    /// <see cref="ExchangeOnceAsync(LinkSide, string, Guid?, bool, Func{CancellationToken, Task{OnboardingOutcome}}, CancellationToken)"/>
    /// for the authorization code of a brand's mini program, which belongs to no dealer.
    /// </summary>
    public Task<OnboardingOutcome?> ExchangeMiniProgramOnceAsync(
        string code, bool waitForOther, Func<CancellationToken, Task<OnboardingOutcome>> exchange, CancellationToken cancellationToken) =>
        ExchangeOnceAsync(MiniProgramSide, code, null, waitForOther, exchange, cancellationToken);

    private async Task<OnboardingOutcome?> ExchangeOnceAsync(
        string side,
        string code,
        Guid? dealerId,
        bool waitForOther,
        Func<CancellationToken, Task<OnboardingOutcome>> exchange,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var now = time.GetUtcNow();
        if (!await TryClaimAsync(side, code, dealerId, now, now - options.Value.StaleClaimAfter, cancellationToken))
        {
            return waitForOther ? await WaitForOutcomeAsync(side, code, options.Value.ClaimWait, cancellationToken) : null;
        }

        OnboardingOutcome outcome;
        try
        {
            outcome = await exchange(cancellationToken);
        }
        catch
        {
            await ReleaseAsync(side, code, CancellationToken.None);
            throw;
        }

        await CompleteAsync(side, code, outcome, time.GetUtcNow(), cancellationToken);
        return outcome;
    }

    private async Task<bool> TryClaimAsync(
        string side, string code, Guid? dealerId, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO onboarding_grants (side, code_hash, dealer_id, status, claimed_at) VALUES (@side, @hash, @dealerId, 'processing', @now)
            ON CONFLICT (side, code_hash) DO UPDATE SET dealer_id = excluded.dealer_id, claimed_at = excluded.claimed_at
            WHERE onboarding_grants.status = 'processing' AND onboarding_grants.claimed_at < @staleBefore
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            sql, new { side, hash = Hash(code), dealerId, now, staleBefore }, cancellationToken: cancellationToken));
        return rows == 1;
    }

    private async Task ReleaseAsync(string side, string code, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM onboarding_grants WHERE side = @side AND code_hash = @hash AND status = 'processing'";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { side, hash = Hash(code) }, cancellationToken: cancellationToken));
    }

    private async Task CompleteAsync(string side, string code, OnboardingOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        const string sql = """
            UPDATE onboarding_grants SET status = 'completed', outcome = @result, message = @message, subject_id = @subjectId, completed_at = @now
            WHERE side = @side AND code_hash = @hash
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                side,
                hash = Hash(code),
                result = outcome.Result == OnboardingResult.Bound ? "bound" : "refused",
                message = outcome.Message,
                subjectId = outcome.SubjectId,
                now,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The outcome another request reached for this code, once it finishes (or Pending after <paramref name="wait"/>).
    /// Polls on the wall clock: it waits for another node's work, not for anything this process schedules.
    /// </summary>
    private async Task<OnboardingOutcome> WaitForOutcomeAsync(string side, string code, TimeSpan wait, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT status, outcome, message, subject_id AS SubjectId FROM onboarding_grants WHERE side = @side AND code_hash = @hash
            """;
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            await using (var connection = await connections.OpenConnectionAsync(cancellationToken))
            {
                var row = await connection.QuerySingleOrDefaultAsync<GrantRow>(new CommandDefinition(
                    sql, new { side, hash = Hash(code) }, cancellationToken: cancellationToken));
                if (row is { Status: Completed })
                {
                    return new OnboardingOutcome(
                        row.Outcome == "bound" ? OnboardingResult.Bound : OnboardingResult.Refused, row.Message ?? "", row.SubjectId);
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                return new OnboardingOutcome(
                    OnboardingResult.Pending, "WeLink 正在处理这次授权，请稍后刷新本页。", null);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    public async Task SavePreAuthCodeAsync(string preAuthCode, Guid dealerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO official_account_pre_auth_codes (pre_auth_code, dealer_id, issued_at) VALUES (@preAuthCode, @dealerId, @now)";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { preAuthCode, dealerId, now }, cancellationToken: cancellationToken));
    }

    public async Task<Guid?> FindPreAuthDealerAsync(string preAuthCode, CancellationToken cancellationToken)
    {
        const string sql = "SELECT dealer_id FROM official_account_pre_auth_codes WHERE pre_auth_code = @preAuthCode";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(sql, new { preAuthCode }, cancellationToken: cancellationToken));
    }

    public async Task SaveInstallStateAsync(string state, Guid dealerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO wecom_install_states (state, dealer_id, issued_at) VALUES (@state, @dealerId, @now)";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { state, dealerId, now }, cancellationToken: cancellationToken));
    }

    public async Task<Guid?> FindInstallStateDealerAsync(string state, CancellationToken cancellationToken)
    {
        const string sql = "SELECT dealer_id FROM wecom_install_states WHERE state = @state";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(sql, new { state }, cancellationToken: cancellationToken));
    }

    private sealed record GrantRow(string Status, string? Outcome, string? Message, string? SubjectId);
}
