using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Sandbox.World;
using WeLink.Wechat.Tokens;

namespace WeLink.Sandbox.Tests.Clients;

/// <summary>
/// The state WeLink would have reached through its callbacks and onboarding (tickets received, accounts
/// authorized, corps installed), set up directly in the sandbox and the shared stores.
/// </summary>
public static class SandboxScene
{
    public static SandboxCredentials Credentials(this SandboxHost host) => host.Services.GetRequiredService<SandboxCredentials>();

    public static SandboxWorld World(this SandboxHost host) => host.Services.GetRequiredService<SandboxWorld>();

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
    public static async Task<Authorization> AuthorizeDealerAccountAsync(this SandboxHost host, SharedState shared, bool storeRefreshToken = true)
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
