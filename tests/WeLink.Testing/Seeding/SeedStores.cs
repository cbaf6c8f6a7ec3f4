using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Identities;
using WeLink.Server.Onboarding;
using WeLink.Server.Onboarding.Corps;
using WeLink.Server.Onboarding.MiniPrograms;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Testing.Seeding;

/// <summary>The product's stores a seed writes through, taken from the services or made with their dependencies.</summary>
internal sealed class SeedStores(IServiceProvider services)
{
    /// <summary>Brands and dealer approvals are the platform admin's to make.</summary>
    public static readonly TenantScope Platform = new(SessionKind.Admin, Guid.Empty, null, null, [AdminRoles.Platform]);

    public BrandStore Brands { get; } = ActivatorUtilities.GetServiceOrCreateInstance<BrandStore>(services);

    public DealerStore Dealers { get; } = ActivatorUtilities.GetServiceOrCreateInstance<DealerStore>(services);

    public LinkStore Links { get; } = ActivatorUtilities.GetServiceOrCreateInstance<LinkStore>(services);

    public MiniProgramLinkStore MiniPrograms { get; } = ActivatorUtilities.GetServiceOrCreateInstance<MiniProgramLinkStore>(services);

    public StaffStore Staff { get; } = ActivatorUtilities.GetServiceOrCreateInstance<StaffStore>(services);

    public ConsumerStore Consumers { get; } = ActivatorUtilities.GetServiceOrCreateInstance<ConsumerStore>(services);

    public TimeProvider Time { get; } = services.GetRequiredService<TimeProvider>();
}
