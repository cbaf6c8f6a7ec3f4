namespace WeLink.Sandbox.Hosting;

public static class SandboxFeature
{
    /// <summary>Every sandbox route lives under this prefix, so it can share a host with WeLink.</summary>
    public const string PathPrefix = "/sandbox";

    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(PathPrefix).WithTags("Sandbox");
        group.MapGet("/", () => TypedResults.Ok(new { name = "WeLink sandbox" }));
        return endpoints;
    }
}
