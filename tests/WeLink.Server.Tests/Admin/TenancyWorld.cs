using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Admin.Api;
using WeLink.Server.Data;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Admin;

/// <summary>
/// Two brands on one host, made through the admin API: brand X with dealers A1 and A2, brand Y with dealer
/// B1; an HQ admin for each brand and a dealer admin for A1, each with a signed-in client.
/// </summary>
public abstract class TenancyWorld(DatabaseProvider provider) : IAsyncLifetime
{
    public const string Password = "world-password-0123";

    private static readonly TenantScope PlatformScope = new(SessionKind.Admin, Guid.Empty, null, null, [AdminRoles.Platform]);

    private readonly Lock _peopleLock = new();
    private AdminHost? _host;
    private int _unique;
    private Task<TenantPeople>? _people;

    public AdminHost Admin => _host!;

    public AdminClient Platform { get; private set; } = null!;

    public AdminClient HqX { get; private set; } = null!;

    public AdminClient HqY { get; private set; } = null!;

    public AdminClient DealerA1 { get; private set; } = null!;

    public Brand X { get; private set; } = null!;

    public Brand Y { get; private set; } = null!;

    public Dealer A1 { get; private set; } = null!;

    public Dealer A2 { get; private set; } = null!;

    public Dealer B1 { get; private set; } = null!;

    /// <summary>The world's consumers, their complaints and A1's staff (see <see cref="TenantPeople"/>), seeded on first use.</summary>
    public Task<TenantPeople> PeopleAsync()
    {
        lock (_peopleLock)
        {
            return _people ??= TenantPeople.SeedAsync(this);
        }
    }

    /// <summary>A value no other call of this world has used (names, codes, emails).</summary>
    public string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _unique)}";

    public async Task InitializeAsync()
    {
        _host = await AdminHost.StartAsync(provider, Configure);

        // Stored before any call reaches WeChat, not left to the sandbox's push at start: on a loaded machine that push can
        // miss WeLink, and the calls that need the component's token then fail until the next one, 10 minutes later.
        await PlatformTickets.PushAsync(_host.Host);
        Platform = await _host.RootAsync();
        X = await Platform.PostOkAsync<Brand>("/api/admin/brands", new CreateBrandRequest("Brand X"));
        Y = await Platform.PostOkAsync<Brand>("/api/admin/brands", new CreateBrandRequest("Brand Y"));
        A1 = await CreateDealerAsync(Platform, X, "A1");
        A2 = await CreateDealerAsync(Platform, X, "A2");
        B1 = await CreateDealerAsync(Platform, Y, "B1");
        HqX = await CreateAdminAsync(Platform, $"/api/admin/brands/{X.Id}/hq-admins", "hq-x@welink.test");
        HqY = await CreateAdminAsync(Platform, $"/api/admin/brands/{Y.Id}/hq-admins", "hq-y@welink.test");
        DealerA1 = await CreateAdminAsync(HqX, $"/api/admin/dealers/{A1.Id}/admins", "dealer-a1@welink.test");
    }

    /// <summary>
    /// A staff member of the dealer with these roles (as WeCom directory sync and the dealer admin make them); for an id that
    /// names no dealer, an id that names no staff member either.
    /// </summary>
    public async Task<Guid> StaffOfAsync(Guid dealerId, params string[] roles)
    {
        var dealers = Admin.Host.Services.GetRequiredService<DealerStore>();
        if (await dealers.FindAsync(PlatformScope, dealerId, CancellationToken.None) is null)
        {
            return Guid.CreateVersion7();
        }

        return (await Seed.In(Admin.Host.Services).StaffAsync(dealerId, Unique("user"), s => s.Named("Matrix staff").Roles(roles))).Id;
    }

    /// <summary>A new dealer admin of the dealer, made by the platform admin; an id that names nobody for a dealer that does not exist.</summary>
    public async Task<Guid> DealerAdminOfAsync(Guid dealerId)
    {
        var dealers = Admin.Host.Services.GetRequiredService<DealerStore>();
        if (await dealers.FindAsync(PlatformScope, dealerId, CancellationToken.None) is null)
        {
            return Guid.CreateVersion7();
        }

        var email = Unique("admin") + "@welink.test";
        return (await Platform.PostOkAsync<AdminUser>($"/api/admin/dealers/{dealerId}/admins", new CreateAdminUserRequest(email, email, Password))).Id;
    }

    /// <summary>Lets a world change the host before it starts (e.g. swap in a test definition and recording actions).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public static Task<Dealer> CreateDealerAsync(AdminClient client, Brand brand, string code) =>
        client.PostOkAsync<Dealer>($"/api/admin/brands/{brand.Id}/dealers", new CreateDealerRequest(code, $"Dealer {code}", null));

    private async Task<AdminClient> CreateAdminAsync(AdminClient creator, string path, string email)
    {
        await creator.PostOkAsync<AdminUser>(path, new CreateAdminUserRequest(email, email, Password));
        return await AdminClient.SignedInAsync(Admin.Host, email, Password);
    }

    /// <summary>Starts a world a single test owns; one that fails to start is disposed before the failure is thrown.</summary>
    protected static async Task<TWorld> StartOwnAsync<TWorld>(TWorld world)
        where TWorld : TenancyWorld
    {
        ArgumentNullException.ThrowIfNull(world);
        try
        {
            await world.InitializeAsync();
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { Platform, HqX, HqY, DealerA1 })
        {
            client?.Dispose();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

public sealed class SqliteTenancyWorld() : TenancyWorld(DatabaseProvider.Sqlite);

public sealed class PostgresTenancyWorld() : TenancyWorld(DatabaseProvider.Postgres);

/// <summary>A world of its own for one test, disposed with it.</summary>
public sealed class OwnTenancyWorld(DatabaseProvider provider) : TenancyWorld(provider), IAsyncDisposable
{
    public static Task<OwnTenancyWorld> StartAsync(DatabaseProvider provider) => StartOwnAsync(new OwnTenancyWorld(provider));

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
