using WeLink.Server.Tenancy;

namespace WeLink.Testing.Seeding;

/// <summary>
/// One dealer as onboarding leaves it: created pending by HQ, approved if asked, its official account and WeCom corp
/// linked as the authorization and install handlers link them, and staff as directory sync and the dealer admin make them.
/// </summary>
public sealed class DealerSeed
{
    private readonly string _name;
    private readonly List<StaffSeed> _staff = [];
    private string? _code;
    private bool _approved;
    private (string AppId, string NickName, string OriginalId)? _account;
    private (string CorpId, string CorpName, long AgentId)? _corp;

    internal DealerSeed(string name) => _name = name;

    public DealerSeed Code(string code)
    {
        _code = code;
        return this;
    }

    /// <summary>HQ approves the dealer (a new dealer is pending until then).</summary>
    public DealerSeed Approved()
    {
        _approved = true;
        return this;
    }

    /// <summary>
    /// The dealer's official account authorizes WeLink; without an appid it gets one no other dealer has, and without an
    /// original id (the account's gh_ name, which callbacks are addressed to) one made from the appid.
    /// </summary>
    public DealerSeed LinkedAccount(string? appId = null, string? nickName = null, string? originalId = null)
    {
        var id = appId ?? "wx" + Guid.NewGuid().ToString("N")[..16];
        _account = (id, nickName ?? _name + " official account", originalId ?? "gh_" + id[2..]);
        return this;
    }

    /// <summary>The dealer's WeCom corp installs the suite; without a corpid it gets one no other dealer has.</summary>
    public DealerSeed LinkedCorp(string? corpId = null, string? corpName = null, long agentId = 1000001)
    {
        _corp = (corpId ?? "ww" + Guid.NewGuid().ToString("N")[..16], corpName ?? _name + " corp", agentId);
        return this;
    }

    /// <summary>An active staff member with these roles (none is allowed: a member the dealer admin has not given a role yet).</summary>
    public DealerSeed Staff(string userId, params string[] roles) => Staff(userId, s => s.Roles(roles));

    public DealerSeed Staff(string userId, Action<StaffSeed> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var staff = new StaffSeed(userId);
        configure(staff);
        _staff.Add(staff);
        return this;
    }

    internal async Task<SeededDealer> PlantAsync(SeedStores stores, Guid brandId)
    {
        var cancellationToken = CancellationToken.None;
        var dealer = await stores.Dealers.CreateAsync(SeedStores.Platform, new NewDealer(brandId, null, _code ?? _name, _name), cancellationToken)
            ?? throw new InvalidOperationException($"The brand already has a dealer with the code {_code ?? _name}.");
        if (_approved)
        {
            var change = await stores.Dealers.ChangeAsync(SeedStores.Platform, dealer.Id, DealerTransition.Approve, dealer.Version, cancellationToken);
            dealer = change.Dealer!;
        }

        var now = stores.Time.GetUtcNow();
        if (_account is { } account)
        {
            await stores.Links.SaveAccountLinkAsync(dealer.Id, account.AppId, account.NickName, account.OriginalId, [], now, cancellationToken);
        }

        if (_corp is { } corp)
        {
            await stores.Links.SaveCorpLinkAsync(dealer.Id, corp.CorpId, corp.CorpName, corp.AgentId, now, cancellationToken);
        }

        var staffCorpId = _corp?.CorpId ?? StaffSeed.UnlinkedCorpId(dealer.Id);
        var planted = new List<SeededStaff>();
        foreach (var staff in _staff)
        {
            planted.Add(await staff.PlantAsync(stores, dealer.Id, staffCorpId));
        }

        return new SeededDealer(
            dealer.Id,
            brandId,
            dealer.Code,
            dealer.Name,
            dealer.Status,
            _account?.AppId,
            _corp?.CorpId,
            planted);
    }
}
