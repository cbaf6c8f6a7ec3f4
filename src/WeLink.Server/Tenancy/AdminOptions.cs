using System.ComponentModel.DataAnnotations;

namespace WeLink.Server.Tenancy;

/// <summary>Admin sign-in: the first platform admin created at start-up, and the lockout after failed attempts.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Email of the platform admin created at start-up when no admin has it yet; empty creates none.</summary>
    [EmailAddress]
    public string BootstrapEmail { get; set; } = "";

    /// <summary>That admin's first password (never logged); required when <see cref="BootstrapEmail"/> is set.</summary>
    public string BootstrapPassword { get; set; } = "";

    /// <summary>Consecutive wrong passwords that lock an account.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account refuses every password, the right one included.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
