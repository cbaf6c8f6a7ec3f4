using WeLink.Sandbox.Hosting;

namespace WeLink.Sandbox;

/// <summary>Standalone entry point: <c>dotnet run --project src/WeLink.Sandbox</c>.</summary>
public static class SandboxProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSandbox(builder.Configuration);
        builder.Services.AddOpenApi();
        var app = builder.Build();
        app.MapOpenApi(SandboxFeature.PathPrefix + "/openapi/{documentName}.json");
        app.MapSandbox();
        await app.RunAsync();
    }
}
