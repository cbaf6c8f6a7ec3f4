using Microsoft.Extensions.Options;

namespace WeLink.Server.Tenancy;

/// <summary>A bootstrap email without a usable password would create an admin nobody can sign in as.</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.BootstrapEmail) && AdminPasswords.Problem(options.BootstrapPassword) is { } problem)
        {
            return ValidateOptionsResult.Fail($"Admin:BootstrapPassword must be set with Admin:BootstrapEmail. {problem}");
        }

        return options.LockoutDuration <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail("Admin:LockoutDuration must be positive.")
            : ValidateOptionsResult.Success;
    }
}
