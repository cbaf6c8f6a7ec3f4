namespace WeLink.Server.Tenancy;

/// <summary>
/// What the portal shows about a dealer's two links. Onboarding owns the link tables and reports them
/// through <see cref="IDealerLinks"/>; null means not linked (or nothing reported yet).
/// </summary>
public sealed record DealerLinkState(LinkedAccount? OfficialAccount, LinkedAccount? WeCom)
{
    public static DealerLinkState Unknown { get; } = new(null, null);
}

/// <param name="Id">The official account's appid or the WeCom corpid.</param>
/// <param name="Name">The account's nickname or the corp's name.</param>
/// <param name="Status">e.g. <c>active</c>, or <c>suspended</c> after de-authorization (needs re-authorization).</param>
public sealed record LinkedAccount(string Id, string Name, string Status);
