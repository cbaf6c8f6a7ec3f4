using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WeLink.Server.Shared;

namespace WeLink.Server.Hosting;

public static class ObservabilityExtensions
{
    /// <summary>
    /// OpenTelemetry traces and metrics for ASP.NET Core, HttpClient, Npgsql and WeLink itself. They are
    /// collected and exported only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Logs are JSON outside Development.
    /// </summary>
    public static WebApplicationBuilder AddWeLinkObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        // Without an exporter nothing would read the spans and measurements, and recording them costs every request.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("WeLink.Server"))
            .WithTracing(t => t
                .AddSource(WeLinkTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m => m
                .AddMeter(WeLinkTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql"))
            .UseOtlpExporter();
        return builder;
    }
}
