using WeLink.Server.Members.Api;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.Sharing;
using WeLink.Server.Members.Vehicles;

namespace WeLink.Server.Members.View;

/// <summary>The customer view of a member for staff and admins: its reads, the brand's sharing setting, vehicles, and the staff API.</summary>
public static class MemberViewFeature
{
    public static IServiceCollection AddMemberView(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, MemberViewJsonContext.Default));
        services.AddSingleton<MemberRows>();
        services.AddSingleton<MemberSharingStore>();
        services.AddSingleton<IMemberSharingSettings>(sp => sp.GetRequiredService<MemberSharingStore>());
        services.AddSingleton<MemberViews>();
        services.AddSingleton<IMemberViews>(sp => sp.GetRequiredService<MemberViews>());
        services.AddSingleton<MemberVehicles>();
        services.AddSingleton<IMemberMergeAdmin, AdminMemberMerges>();
        return services;
    }

    public static IEndpointRouteBuilder MapMemberView(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaffMemberEndpoints();
        return endpoints;
    }
}
