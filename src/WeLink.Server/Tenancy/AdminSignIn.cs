using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WeLink.Server.Tenancy;

/// <summary>
/// Checks an admin's email and password, with a lockout after <see cref="AdminOptions.MaxFailedSignIns"/>
/// consecutive failures, and audits every attempt. Sessions themselves are the cookie scheme's business.
/// </summary>
public sealed partial class AdminSignIn(
    AdminUserStore users,
    AdminPasswords passwords,
    AuditLog audit,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILogger<AdminSignIn> logger)
{
    private const string Action = "admin.sign-in";
    private const int MaxEmailLength = 254;

    public async Task<SignInAttempt> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var typedEmail = AdminUserStore.NormalizeEmail(email);
        typedEmail = typedEmail.Length > MaxEmailLength ? typedEmail[..MaxEmailLength] : typedEmail;
        var credential = await users.FindCredentialAsync(typedEmail, cancellationToken);
        if (credential is null)
        {
            passwords.VerifyDecoy(password);
            await RecordAsync(new AuditActor(null, typedEmail), null, AuditOutcome.Refused, "unknown email", cancellationToken);
            return SignInAttempt.WrongCredentials;
        }

        var user = credential.User;
        var actor = new AuditActor(user.Id, user.Email);
        var now = time.GetUtcNow();
        if (credential.LockedUntil > now)
        {
            await RecordAsync(actor, user, AuditOutcome.Refused, "locked out", cancellationToken);
            return new SignInAttempt(SignInOutcome.LockedOut, null, credential.LockedUntil);
        }

        var verification = passwords.Verify(credential.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            var lockUntil = now + settings.LockoutDuration;
            await users.RecordFailureAsync(user.Id, settings.MaxFailedSignIns, lockUntil, cancellationToken);
            if (credential.FailedLogins + 1 >= settings.MaxFailedSignIns)
            {
                LogLockedOut(user.Id, settings.MaxFailedSignIns, lockUntil);
                await RecordAsync(actor, user, AuditOutcome.Refused, "wrong password; account locked", cancellationToken);
                return new SignInAttempt(SignInOutcome.LockedOut, null, lockUntil);
            }

            await RecordAsync(actor, user, AuditOutcome.Refused, "wrong password", cancellationToken);
            return SignInAttempt.WrongCredentials;
        }

        var rehashed = verification == PasswordVerificationResult.SuccessRehashNeeded ? passwords.Hash(password) : null;
        await users.RecordSuccessAsync(user.Id, rehashed, cancellationToken);
        await RecordAsync(actor, user, AuditOutcome.Succeeded, null, cancellationToken);
        return new SignInAttempt(SignInOutcome.SignedIn, user, null);
    }

    private Task RecordAsync(AuditActor actor, AdminUser? user, string outcome, string? detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            actor,
            new AuditEvent(Action, "admin-user", user?.Id.ToString() ?? actor.Email, outcome, user?.BrandId, user?.DealerId, detail),
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin {UserId} locked out after {Failures} wrong passwords until {LockedUntil}")]
    private partial void LogLockedOut(Guid userId, int failures, DateTimeOffset lockedUntil);
}
