using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Sandbox.World;
using WeLink.Wechat.Tokens;
using SandboxAuthorization = WeLink.Sandbox.Credentials.Authorization;

namespace WeLink.Sandbox.Tests.Clients;

/// <summary>
/// The state WeLink would have reached through its callbacks and onboarding (tickets received, accounts
/// authorized, corps installed), set up directly in the sandbox and the shared stores.
/// </summary>
public static class SandboxScene
{
    public static SandboxCredentials Credentials(this SandboxHost host) => host.Services.GetRequiredService<SandboxCredentials>();

    public static SandboxWorld World(this SandboxHost host) => host.Services.GetRequiredService<SandboxWorld>();

    public static AuthorizationFlows People(this SandboxHost host) => host.Services.GetRequiredService<AuthorizationFlows>();

    public static ConsumerFlows Consumers(this SandboxHost host) => host.Services.GetRequiredService<ConsumerFlows>();

    public static MiniProgramFlows MiniPrograms(this SandboxHost host) => host.Services.GetRequiredService<MiniProgramFlows>();

    public static IReadOnlyList<SentMessage> SentMessages(this SandboxHost host) => host.Services.GetRequiredService<MessageLog>().All();

    /// <summary>Arms a fault through the sandbox's control API: the next <paramref name="count"/> calls of the API fail.</summary>
    public static async Task ArmApiFaultAsync(this SandboxHost host, string api, int? errcode = null, int? httpStatus = null, int count = 1)
    {
        using var response = await host.Client.PostAsJsonAsync(
            "control/faults/api", new { api, count, errcode, http_status = httpStatus });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The first seeded consumer follows the dealer account and writes to it, opening the 48-hour window.</summary>
    public static string ConsumerWritesToDealer(this SandboxHost host, string text = "我想预约试驾")
    {
        var consumerId = host.World().Snapshot().Consumers[0].Consumer.Id;
        var appId = host.DealerAccount().AppId;
        host.Consumers().Follow(consumerId, appId);
        host.Consumers().SendText(consumerId, appId, text);
        return host.World().IdentityOf(appId, consumerId).OpenId;
    }

    /// <summary>The sandbox pushes a component_verify_ticket and WeLink stores it, as its callback would.</summary>
    public static async Task<string> DeliverComponentTicketAsync(this SandboxHost host, SharedState shared)
    {
        var ticket = await host.PushComponentTicketAsync();
        await ((IComponentTicketStore)shared.Store).SaveAsync(SandboxHost.ComponentAppId, ticket, CancellationToken.None);
        return ticket;
    }

    public static async Task<string> DeliverSuiteTicketAsync(this SandboxHost host, SharedState shared)
    {
        var ticket = await host.PushSuiteTicketAsync();
        await ((ISuiteTicketStore)shared.Store).SaveAsync(SandboxHost.SuiteId, ticket, CancellationToken.None);
        return ticket;
    }

    /// <summary>The seeded verified service account ("Aurora Motors Beijing Dealer").</summary>
    public static OfficialAccount DealerAccount(this SandboxHost host) =>
        host.World().Snapshot().Accounts.First(account => account.Kind == AccountKind.ServiceAccount && account.Verified);

    /// <summary>The dealer account authorizes the component; WeLink stores the refresh token unless told not to.</summary>
    public static async Task<SandboxAuthorization> AuthorizeDealerAccountAsync(this SandboxHost host, SharedState shared, bool storeRefreshToken = true)
    {
        var authorization = host.Credentials().Grants.Authorize(host.DealerAccount().AppId);
        if (storeRefreshToken)
        {
            await shared.Store.SaveRefreshTokenAsync(authorization.AuthorizerAppId, authorization.RefreshToken, CancellationToken.None);
        }

        return authorization;
    }

    /// <summary>The seeded Beijing dealer corp with its staff.</summary>
    public static CorpSnapshot DealerCorp(this SandboxHost host) => host.World().Snapshot().Corps[0];

    /// <summary>The dealer corp installs the suite; WeLink stores the permanent code unless told not to.</summary>
    public static async Task<Installation> InstallDealerCorpAsync(this SandboxHost host, SharedState shared, bool storePermanentCode = true)
    {
        var corp = host.DealerCorp();
        var installation = host.Credentials().Grants.Install(corp.Corp.CorpId, corp.Corp.AgentId, corp.Staff[0].UserId, "dealer42");
        if (storePermanentCode)
        {
            await shared.Store.SavePermanentCodeAsync(installation.CorpId, installation.PermanentCode, CancellationToken.None);
        }

        return installation;
    }
}
