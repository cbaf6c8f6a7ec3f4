using Microsoft.Extensions.Options;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Tenancy;

/// <summary>
/// Creates the first platform admin from <c>Admin:BootstrapEmail</c> / <c>Admin:BootstrapPassword</c> when no
/// admin has that email yet, so a fresh install can be signed in to. Registered after the migration service,
/// so the tables exist. Logs the email, never the password.
/// </summary>
public sealed partial class AdminBootstrap(
    AdminUserStore users,
    AdminPasswords passwords,
    AuditLog audit,
    IOptions<AdminOptions> options,
    ILogger<AdminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BootstrapEmail))
        {
            return;
        }

        if (await users.FindCredentialAsync(settings.BootstrapEmail, cancellationToken) is not null)
        {
            return;
        }

        var request = new NewAdminUser(settings.BootstrapEmail, "Platform admin", AdminRoles.Platform, null, null);
        var user = await users.CreateAsync(request, passwords.Hash(settings.BootstrapPassword), cancellationToken);
        if (user is null)
        {
            // Another node created it in between: that is the outcome we wanted.
            return;
        }

        await audit.RecordAsync(AuditActor.System, new AuditEvent("admin.bootstrap", "admin-user", user.Id.ToString(), AuditOutcome.Succeeded), cancellationToken);
        LogCreated(user.Email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first platform admin {Email} from Admin:BootstrapEmail")]
    private partial void LogCreated(string email);
}
