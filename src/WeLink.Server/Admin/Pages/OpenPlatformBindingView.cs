using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Admin.Pages;

/// <summary>
/// The model of <c>_OpenPlatformBinding.cshtml</c>: an authorized account's open-platform binding (null before WeLink looked),
/// and whether the viewer (HQ) may ask WeLink to bind it again.
/// </summary>
public sealed record OpenPlatformBindingView(OpenPlatformBinding? Binding, bool CanRetry)
{
    public const string RetryHandler = "RebindOpenPlatform";

    public bool ShowsRetry => CanRetry && Binding is not { Bound: true };
}
