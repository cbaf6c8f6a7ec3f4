namespace WeLink.Testing.Seeding;

/// <summary>One corp member as directory sync writes them, with the roles a dealer admin gives.</summary>
public sealed class StaffSeed
{
    private readonly string _userId;
    private string? _name;
    private string[] _roles = [];
    private bool _left;

    internal StaffSeed(string userId) => _userId = userId;

    public StaffSeed Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>The product's roles (<see cref="WeLink.Server.Tenancy.Access.StaffRoles"/>).</summary>
    public StaffSeed Roles(params string[] roles)
    {
        _roles = roles;
        return this;
    }

    /// <summary>The member has left the app's visible range: the row stays, marked left.</summary>
    public StaffSeed Left()
    {
        _left = true;
        return this;
    }

    /// <summary>Directory sync needs a corp for a member; staff of a dealer whose corp is not linked get one of the dealer's own.</summary>
    internal static string UnlinkedCorpId(Guid dealerId) => "ww" + dealerId.ToString("N")[..16];

    internal async Task<SeededStaff> PlantAsync(SeedStores stores, Guid dealerId, string corpId)
    {
        var cancellationToken = CancellationToken.None;
        var now = stores.Time.GetUtcNow();
        await stores.Staff.UpsertAsync(dealerId, corpId, _userId, _name ?? _userId, now, cancellationToken);
        var staffId = (await stores.Staff.ListAsync(dealerId, cancellationToken)).Single(s => s.UserId == _userId).Id;
        if (_roles.Length > 0)
        {
            await stores.Staff.SetRolesAsync(dealerId, staffId, _roles, cancellationToken);
        }

        if (_left)
        {
            await stores.Staff.MarkLeftAsync(corpId, _userId, now, cancellationToken);
        }

        var planted = (await stores.Staff.ListAsync(dealerId, cancellationToken)).Single(s => s.Id == staffId);
        return new SeededStaff(planted.Id, planted.UserId, planted.Name, planted.Status, planted.Roles);
    }
}
