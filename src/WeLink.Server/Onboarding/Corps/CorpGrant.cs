using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Onboarding.Corps;

/// <summary>What an install gives WeLink: the corp, its permanent code, the app's agentid there and what the app may see.</summary>
public sealed record CorpGrant(string CorpId, string CorpName, string PermanentCode, long AgentId, AgentPrivilege? Privilege);
