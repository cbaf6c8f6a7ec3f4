namespace WeLink.Server.Onboarding;

/// <summary>The <c>Onboarding</c> configuration section.</summary>
public sealed class OnboardingOptions
{
    public const string SectionName = "Onboarding";

    /// <summary>
    /// Installs use set_session_info auth_type 1 (test): needed while the WeCom app is unpublished, and only
    /// test corps can install it then. Must be false once the app is released.
    /// </summary>
    public bool WeComTestMode { get; set; }

    /// <summary>How long the redirect page waits for the push that got the authorization code first to finish.</summary>
    public TimeSpan ClaimWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A claim this old is taken over: the node holding it died before finishing.</summary>
    public TimeSpan StaleClaimAfter { get; set; } = TimeSpan.FromMinutes(2);
}
