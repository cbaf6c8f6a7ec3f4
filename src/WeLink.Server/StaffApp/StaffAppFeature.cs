namespace WeLink.Server.StaffApp;

public static class StaffAppFeature
{
    /// <summary>The staff app's own API beside its files (<see cref="StaffAppFiles"/>): the JS-SDK configuration of its pages.</summary>
    public static IServiceCollection AddStaffApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffAppOptions>().Bind(configuration.GetSection(StaffAppOptions.SectionName));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, StaffAppJsonContext.Default));
        return services;
    }

    public static IEndpointRouteBuilder MapStaffApp(this IEndpointRouteBuilder app)
    {
        app.MapAppConfigEndpoints();
        return app;
    }
}
