using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace WeLink.Server.Hosting;

public static class ApiExtensions
{
    /// <summary>
    /// ProblemDetails for every error (with the trace id), request bodies checked against their DataAnnotations, the
    /// OpenAPI document and health checks.
    /// </summary>
    public static IServiceCollection AddWeLinkApi(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
        services.AddValidation();

        // A body that cannot be read becomes an exception (not a bare 400), so BadRequestHandler answers it with a
        // ProblemDetails naming what was wrong, and logs it once as a warning.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "WeLink API";
            document.Info.Description = "Links each dealer's WeChat official account with its WeCom corp. "
                + "Consumer (/api/consumer), staff (/api/staff) and admin APIs; the sandbox's control API when it is hosted here.";
            return Task.CompletedTask;
        }));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, SessionParameterDescriptions>());
        services.AddHealthChecks();
        return services;
    }

    public static WebApplication UseWeLinkApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Public by design: the API description has no data in it, and load balancers probe health without a session.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("WeLink API")).AllowAnonymous();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync })
            .AllowAnonymous();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}
