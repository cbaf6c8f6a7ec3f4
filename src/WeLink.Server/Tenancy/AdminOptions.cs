using System.ComponentModel.DataAnnotations;

namespace WeLink.Server.Tenancy;

/// <summary>Admin sign-in: the first platform admin created at start-up, and the growing delay after failed attempts.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Email of the platform admin created at start-up when no admin has it yet; empty creates none.</summary>
    public string BootstrapEmail { get; set; } = "";

    /// <summary>That admin's first password (never logged); required when <see cref="BootstrapEmail"/> is set.</summary>
    public string BootstrapPassword { get; set; } = "";

    /// <summary>Failed attempts one source may make on one account before each further attempt must wait.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>
    /// The longest wait. Past <see cref="MaxFailedSignIns"/> a source waits one second after its last failure, and the
    /// wait doubles with each further failure up to this; every password, the right one included, is refused meanwhile.
    /// </summary>
    public TimeSpan MaxSignInDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>After this long without a failure, a source's count on an account starts over.</summary>
    public TimeSpan SignInFailuresForgottenAfter { get; set; } = TimeSpan.FromDays(1);
}
