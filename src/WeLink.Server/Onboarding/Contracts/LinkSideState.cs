namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// One side of a dealer's link. SubjectId is the authorizer appid or the corpid when one is known, SubjectName
/// the account's nickname or the corp's name, and Reason why it is suspended or refused, in words a dealer admin can act on.
/// </summary>
public sealed record LinkSideState(LinkStatus Status, string? SubjectId, string? SubjectName, string? Reason);
