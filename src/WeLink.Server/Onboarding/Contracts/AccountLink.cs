namespace WeLink.Server.Onboarding.Contracts;

/// <summary>A dealer's live official account: the appid messages go out from, and the original id (gh_…) that callbacks name.</summary>
public sealed record AccountLink(string AppId, string OriginalId);
