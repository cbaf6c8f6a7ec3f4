using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Data.Queues;
using WeLink.Server.Identities;
using WeLink.Server.Identities.Contacts;
using WeLink.Server.Members;
using WeLink.Server.Security;

namespace WeLink.Testing.Seeding;

/// <summary>
/// Where a test's world is made: brands, dealers, their links and staff, written through the product's own stores so
/// that a fixture holds no SQL and follows every change to the tables. Start a chain with <see cref="Brand(string)"/>
/// and await it, e.g. <c>await Seed.In(db).Brand("Aurora").Dealer("Beijing", d => d.Approved().LinkedCorp().Staff("advisor1", StaffRoles.ServiceAdvisor))</c>.
/// </summary>
public sealed class Seed
{
    private readonly Func<SeedServices> _open;

    private Seed(Func<SeedServices> open) => _open = open;

    /// <summary>Seeds through a running host's own stores and clock (a host with a fake clock stamps rows with it).</summary>
    public static Seed In(IServiceProvider services) => new(() => new SeedServices(services, null));

    /// <summary>Seeds a database that is already migrated (a host or the test's services have started on it), with the system clock.</summary>
    public static Seed In(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new(() =>
        {
            var configuration = new ConfigurationBuilder().Build();

            // Consumers are seeded through ConsumerStore, which tells Members who was seen and queues a unionid's contact
            // conversion (a seeded consumer has none, so no worker is needed to drain it).
            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton(TimeProvider.System)
                .AddData(configuration, database.Settings)
                .AddSecrets(configuration)
                .AddMembers()
                .AddSingleton<ContactConversionStore>()
                .AddSingleton<ContactConversionIntake>()
                .AddSingleton<WorkSignal<ContactConversionWorker>>()
                .BuildServiceProvider();
            return new SeedServices(services, services);
        });
    }

    /// <summary>A new brand with this name (brand names are unique).</summary>
    public BrandSeed Brand(string name) => new(this, name, null);

    /// <summary>More dealers for a brand that already exists.</summary>
    public BrandSeed Brand(Guid existingBrandId) => new(this, null, existingBrandId);

    /// <summary>
    /// A staff member of a dealer that already exists, in its linked corp. Staff come from a corp's directory, and a
    /// staff session lives only while its corp has the app installed, so a dealer without a corp gets one linked first.
    /// </summary>
    public Task<SeededStaff> StaffAsync(Guid dealerId, string userId, Action<StaffSeed>? configure = null)
    {
        var staff = new StaffSeed(userId);
        configure?.Invoke(staff);
        return RunAsync(async stores =>
        {
            var corpId = (await stores.Links.FindCorpLinkAsync(dealerId, CancellationToken.None))?.SubjectId;
            if (corpId is null)
            {
                corpId = StaffSeed.UnlinkedCorpId(dealerId);
                await stores.Links.SaveCorpLinkAsync(dealerId, corpId, "Corp " + corpId, 1000001, stores.Time.GetUtcNow(), CancellationToken.None);
            }

            return await staff.PlantAsync(stores, dealerId, corpId);
        });
    }

    /// <summary>
    /// A consumer of a dealer that already exists, as sign-in and a follow event make them: known by this openid of the
    /// dealer's linked official account (or of <paramref name="appId"/> when the dealer has none linked), and following it.
    /// </summary>
    public Task<SeededConsumer> ConsumerAsync(Guid dealerId, string openId, string appId = "wxseedaccount") =>
        RunAsync(async stores =>
        {
            var dealer = await stores.Dealers.FindAsync(SeedStores.Platform, dealerId, CancellationToken.None)
                ?? throw new InvalidOperationException($"No dealer {dealerId} to seed a consumer for.");
            var linkedAppId = (await stores.Links.FindAccountLinkAsync(dealerId, CancellationToken.None))?.SubjectId ?? appId;
            var account = new DealerAccount(dealer.Id, dealer.BrandId, linkedAppId, dealer.IsLive);
            var id = await stores.Consumers.SignInAsync(account, openId, unionId: null, nickname: null, CancellationToken.None);
            await stores.Consumers.RecordFollowAsync(account, openId, following: true, stores.Time.GetUtcNow(), scene: null, unionId: null, CancellationToken.None);
            return new SeededConsumer(id, dealer.BrandId, dealer.Id, linkedAppId, openId);
        });

    internal async Task<T> RunAsync<T>(Func<SeedStores, Task<T>> plant)
    {
        var opened = _open();
        try
        {
            return await plant(new SeedStores(opened.Services));
        }
        finally
        {
            if (opened.Owned is not null)
            {
                await opened.Owned.DisposeAsync();
            }
        }
    }

    private sealed record SeedServices(IServiceProvider Services, ServiceProvider? Owned);
}
