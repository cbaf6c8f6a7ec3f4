using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Recording;

namespace WeLink.Sandbox.World;

/// <summary>
/// What the real WeChat and WeCom would still know after WeLink restarts: the world, every credential handed out, the
/// messages sent (the phones' history) and how far sandbox time has been moved on.
/// </summary>
public sealed record SandboxState(
    TimeSpan ClockOffset,
    WorldState World,
    CredentialsState Credentials,
    IReadOnlyList<SentMessage> Messages);
