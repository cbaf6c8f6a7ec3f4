using Microsoft.Extensions.Options;

namespace WeLink.Server.Tenancy;

/// <summary>
/// A bootstrap email without a usable password would create an admin nobody can sign in as; failures forgotten before
/// the longest delay ends would let a guesser's count start over while it waits.
/// </summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.BootstrapEmail) && !options.BootstrapEmail.Contains('@', StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail("Admin:BootstrapEmail must be an email address (or empty to create no admin).");
        }

        if (!string.IsNullOrWhiteSpace(options.BootstrapEmail) && AdminPasswords.Problem(options.BootstrapPassword) is { } problem)
        {
            return ValidateOptionsResult.Fail($"Admin:BootstrapPassword must be set with Admin:BootstrapEmail. {problem}");
        }

        return options.MaxSignInDelay <= TimeSpan.Zero || options.SignInFailuresForgottenAfter < options.MaxSignInDelay
            ? ValidateOptionsResult.Fail("Admin:MaxSignInDelay must be positive and Admin:SignInFailuresForgottenAfter at least as long.")
            : ValidateOptionsResult.Success;
    }
}
