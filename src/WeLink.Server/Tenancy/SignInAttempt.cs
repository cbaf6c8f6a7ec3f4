namespace WeLink.Server.Tenancy;

public sealed record SignInAttempt(SignInOutcome Outcome, AdminUser? User, DateTimeOffset? LockedUntil)
{
    public static SignInAttempt WrongCredentials { get; } = new(SignInOutcome.WrongCredentials, null, null);
}

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown email or wrong password: the caller is not told which.</summary>
    WrongCredentials,

    /// <summary>Too many wrong passwords: every password is refused until <see cref="SignInAttempt.LockedUntil"/>.</summary>
    LockedOut,
}
