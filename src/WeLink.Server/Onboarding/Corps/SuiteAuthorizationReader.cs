using WeLink.Wechat.Http;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Onboarding.Corps;

/// <summary>
/// Reads an install through the v2 APIs (faster, per protocol.md §3.2), falling back to v1 when WeCom refuses
/// v2 for this suite (48002, api forbidden): the refused call spent nothing, so the code is still good.
/// </summary>
public sealed class SuiteAuthorizationReader(SuiteClient suite)
{
    private const int ApiForbidden = 48002;

    public async Task<CorpGrant> ExchangeAsync(string authCode, CancellationToken cancellationToken)
    {
        ServiceGetPermanentCodeResponse permanent;
        try
        {
            permanent = await suite.GetPermanentCodeV2Async(authCode, cancellationToken);
        }
        catch (WechatApiException e) when (e.Errcode == ApiForbidden)
        {
            permanent = await suite.GetPermanentCodeAsync(authCode, cancellationToken);
        }

        var corp = permanent.AuthCorpInfo;
        var agents = permanent.AuthInfo ?? (await ReadAuthInfoAsync(corp.Corpid, permanent.PermanentCode, cancellationToken)).AuthInfo;
        return GrantOf(corp.Corpid, corp.CorpName, permanent.PermanentCode, agents);
    }

    /// <summary>The current scope of an installed app (after change_auth).</summary>
    public async Task<CorpGrant> ReadAsync(string corpId, string permanentCode, CancellationToken cancellationToken)
    {
        var info = await ReadAuthInfoAsync(corpId, permanentCode, cancellationToken);
        return GrantOf(corpId, info.AuthCorpInfo.CorpName, permanentCode, info.AuthInfo);
    }

    private async Task<ServiceGetAuthInfoResponse> ReadAuthInfoAsync(string corpId, string permanentCode, CancellationToken cancellationToken)
    {
        try
        {
            return await suite.GetAuthInfoV2Async(corpId, permanentCode, cancellationToken);
        }
        catch (WechatApiException e) when (e.Errcode == ApiForbidden)
        {
            return await suite.GetAuthInfoAsync(corpId, permanentCode, cancellationToken);
        }
    }

    /// <summary>New single-app suites have exactly one agent.</summary>
    private static CorpGrant GrantOf(string corpId, string corpName, string permanentCode, AuthInfo agents)
    {
        var agent = agents.Agent.Count > 0
            ? agents.Agent[0]
            : throw new InvalidOperationException($"WeCom reported no agent for the WeLink app in corp {corpId}.");
        return new CorpGrant(corpId, corpName, permanentCode, agent.Agentid, agent.Privilege);
    }
}
