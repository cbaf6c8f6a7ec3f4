using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Tenancy;

/// <summary>
/// Checks an admin's email and password and audits every attempt. Failures are counted per account and source
/// (<see cref="AdminSignInThrottles"/>): past <see cref="AdminOptions.MaxFailedSignIns"/> a source waits a growing
/// delay, so a guesser from one address cannot lock the owner out from another, and the owner's own success from a
/// source clears that source. Every refusal gets the same answer after the same work (one password hash checked), so
/// a throttled account, a wrong password and an unknown email cannot be told apart. Sessions are the cookie scheme's business.
/// </summary>
public sealed partial class AdminSignIn(
    AdminUserStore users,
    AdminSignInThrottles throttles,
    AdminPasswords passwords,
    AuditLog audit,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILogger<AdminSignIn> logger)
{
    private const string Action = "admin.sign-in";
    private const int MaxEmailLength = 254;

    public async Task<SignInAttempt> SignInAsync(string email, string password, IPAddress? client, CancellationToken cancellationToken)
    {
        var account = AdminUserStore.NormalizeEmail(email);
        account = account.Length > MaxEmailLength ? account[..MaxEmailLength] : account;
        var source = AdminSignInSource.Of(client);
        var settings = options.Value;
        var now = time.GetUtcNow();
        var credential = await users.FindCredentialAsync(account, cancellationToken);
        var failures = await throttles.CountAttemptAsync(account, source, now, now - settings.SignInFailuresForgottenAfter, cancellationToken);
        var user = credential?.User;
        var actor = user is null ? new AuditActor(null, account) : new AuditActor(user.Id, user.Email);
        if (failures.WaitUntil(settings) is { } waitUntil && waitUntil > now)
        {
            passwords.VerifyDecoy(password);
            return await RefuseAsync(actor, user, source, failures, $"throttled until {waitUntil:u}", cancellationToken);
        }

        if (credential is null)
        {
            passwords.VerifyDecoy(password);
            return await RefuseAsync(actor, null, source, failures, "unknown email", cancellationToken);
        }

        var verification = passwords.Verify(credential.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            return await RefuseAsync(actor, user, source, failures, "wrong password", cancellationToken);
        }

        await throttles.ClearSourceAsync(account, source, cancellationToken);
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.StoreRehashAsync(credential.User.Id, passwords.Hash(password), cancellationToken);
        }

        await RecordAsync(actor, user, AuditOutcome.Succeeded, null, cancellationToken);
        return new SignInAttempt(user);
    }

    /// <summary>
    /// Lets every source try an admin's account again at once, for an owner whose own source is throttled (a shared
    /// address a guesser also uses). Audited; false for an admin the caller cannot reach.
    /// </summary>
    public async Task<bool> ClearThrottleAsync(ClaimsPrincipal admin, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var target = await users.FindAsync(admin.AdminScope(), userId, cancellationToken);
        var sources = target is null ? 0 : await throttles.ClearAccountAsync(target.Email, cancellationToken);
        await audit.RecordAsync(
            AuditActor.From(admin),
            new AuditEvent("admin.sign-in-throttle.clear", "admin-user", userId.ToString(), target is null ? AuditOutcome.Refused : AuditOutcome.Succeeded,
                target?.BrandId, target?.DealerId, target is null ? "no such admin" : $"{sources} throttled sources cleared"),
            cancellationToken);
        return target is not null;
    }

    private async Task<SignInAttempt> RefuseAsync(
        AuditActor actor, AdminUser? user, string source, AdminSignInFailures failures, string reason, CancellationToken cancellationToken)
    {
        LogRefused(reason, user?.Id, source, failures.Count + 1);
        await RecordAsync(actor, user, AuditOutcome.Refused, reason, cancellationToken);
        return SignInAttempt.Refused;
    }

    private Task RecordAsync(AuditActor actor, AdminUser? user, string outcome, string? detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            actor,
            new AuditEvent(Action, "admin-user", user?.Id.ToString() ?? actor.Email, outcome, user?.BrandId, user?.DealerId, detail),
            cancellationToken);

    /// <summary>An expected refusal: a warning without a stack trace. The email is left out; the admin id names a known account.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin sign-in refused ({Reason}) for admin {UserId} from {Source}: failure {Failures} in a row")]
    private partial void LogRefused(string reason, Guid? userId, string source, int failures);
}
