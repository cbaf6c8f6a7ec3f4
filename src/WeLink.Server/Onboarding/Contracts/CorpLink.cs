namespace WeLink.Server.Onboarding.Contracts;

/// <summary>A dealer's live WeCom corp: the corpid and the agent id of WeLink's app in it, which staff messages and cards need.</summary>
public sealed record CorpLink(string CorpId, long AgentId);
