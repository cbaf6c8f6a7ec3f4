using Microsoft.Extensions.Options;
using WeLink.Wechat.Options;
using WeLink.Wechat.Tokens;

namespace WeLink.Wechat.WeCom.JsSdk;

/// <summary>
/// A corp's two JS-SDK tickets, fetched with the corp's suite-issued token and kept like every token: in the shared
/// cache for their lifetime less the refresh margin, refreshed single-flight across nodes by <see cref="TokenProvider"/>.
/// WeCom allows each only a few hundred fetches an hour per corp, so fetching per page view would soon be refused.
/// </summary>
public sealed class JsSdkTickets(CorpClient corps, TokenProvider tokens, IOptions<WeComOptions> options)
{
    private string SuiteId => options.Value.Suite.SuiteId;

    /// <summary>The corp's jsapi ticket, for the config signature.</summary>
    public Task<string> CorpTicketAsync(string corpId, CancellationToken cancellationToken) =>
        tokens.GetAsync(
            TokenKeys.CorpJsapiTicket(SuiteId, corpId),
            async ct => Issued(await corps.GetJsapiTicketAsync(corpId, ct)),
            cancellationToken);

    /// <summary>WeLink's app's ticket in the corp, for the agentConfig signature.</summary>
    public Task<string> AgentTicketAsync(string corpId, CancellationToken cancellationToken) =>
        tokens.GetAsync(
            TokenKeys.AgentConfigTicket(SuiteId, corpId),
            async ct => Issued(await corps.GetAgentConfigTicketAsync(corpId, ct)),
            cancellationToken);

    private static IssuedToken Issued(Models.JsapiTicketResponse response) =>
        new(response.Ticket, TimeSpan.FromSeconds(response.ExpiresIn));
}
