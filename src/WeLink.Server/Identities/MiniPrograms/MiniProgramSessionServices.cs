using WeLink.Server.Onboarding.Contracts;
using WeLink.Wechat.OpenPlatform;

namespace WeLink.Server.Identities.MiniPrograms;

/// <summary>What the mini-program session endpoints use (<c>[AsParameters]</c>).</summary>
public sealed record MiniProgramSessionServices(
    IBrandMiniPrograms MiniPrograms,
    BrandDealers Dealers,
    ComponentClient Component,
    ConsumerStore Consumers,
    MiniProgramSessionStore Sessions,
    MiniProgramTokens Tokens,
    ILoggerFactory Loggers,
    CancellationToken CancellationToken);
