using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WeLink.Server.Calendars;
using WeLink.Server.Cases;
using WeLink.Server.Data;
using WeLink.Server.Identities;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Onboarding.Corps;
using WeLink.Server.Tenancy;
using WeLink.Server.Uploads;
using WeLink.Server.Uploads.Contracts;

namespace WeLink.Server.Tests.Cases;

/// <summary>
/// The cases feature in a plain DI container on a test database, with a fake clock: the engine, timer runner and
/// outbox dispatcher are driven by hand (their background services are registered but never started). Two instances on
/// one database play two WeLink nodes; a new instance after disposing the old plays a restart.
/// </summary>
public sealed class CaseServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CaseServices(ServiceProvider provider) => _provider = provider;

    public IServiceProvider Services => _provider;

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static async Task<CaseServices> StartAsync(
        TestDatabase database, FakeTimeProvider clock, RecordingActions actions, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddData(configuration, database.Settings);
        services.AddCases(configuration);

        // The cases admin API audits and finds dealers through tenancy; the engine reads dealers' calendars and staff, and the
        // staff's views name the customers and show their photos.
        // Tenancy brings the authorization services, which read the (here empty) endpoint data source routing registers.
        services.AddRouting();
        services.AddTenancy(configuration);
        services.AddCalendars();
        services.AddSingleton<IStaffDirectory, StaffDirectory>();
        services.AddSingleton<IConsumerDirectory, ConsumerDirectory>();
        services.AddSingleton<ICasePhotos, UploadStore>();
        services.AddExampleProcess(actions);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new CaseServices(provider);
    }

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
