using Microsoft.Extensions.Options;
using WeLink.Server.Admin;
using WeLink.Server.Calendars;
using WeLink.Server.Callbacks;
using WeLink.Server.Cases;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Complaints;
using WeLink.Server.Conversations;
using WeLink.Server.Coordination;
using WeLink.Server.Data;
using WeLink.Server.Identities;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Members;
using WeLink.Server.Members.Api;
using WeLink.Server.Members.View;
using WeLink.Server.Onboarding;
using WeLink.Server.Platform;
using WeLink.Server.Scheduling;
using WeLink.Server.Security;
using WeLink.Server.Shared;
using WeLink.Server.StaffApp;
using WeLink.Server.Tenancy;
using WeLink.Server.Uploads;

namespace WeLink.Server.Hosting;

/// <summary>Builds and runs the WeLink host; Program.cs and the tests both start here.</summary>
public static class WeLinkApp
{
    public const string MaxRequestBodySizeKey = "Kestrel:Limits:MaxRequestBodySize";

    /// <summary>Callbacks and API requests are a few KB; 1 MB leaves room and refuses abuse early.</summary>
    private const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <param name="args">Command-line configuration, e.g. <c>--Database:Provider=postgres</c>.</param>
    /// <param name="configure">Lets tests replace services (a fake clock) before the app is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var database = DatabaseSettingsResolver.Resolve(builder.Configuration, builder.Environment.ContentRootPath);

        builder.AddWeLinkObservability();
        builder.WebHost.ConfigureKestrel((context, kestrel) => kestrel.Limits.MaxRequestBodySize =
            context.Configuration.GetValue<long?>(MaxRequestBodySizeKey) ?? DefaultMaxRequestBodySize);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddData(builder.Configuration, database);
        builder.Services.AddSecrets(builder.Configuration);
        builder.Services.AddCoordination(builder.Configuration);
        builder.AddInProcessSandbox();
        builder.Services.AddPlatform(builder.Configuration);
        builder.Services.AddCallbacks(builder.Configuration);
        builder.Services.AddScheduling(builder.Configuration, database);
        builder.Services.AddCases(builder.Configuration);
        builder.Services.AddCaseMessaging(builder.Configuration);
        builder.Services.AddCalendars();
        builder.Services.AddWeLinkApi();
        builder.Services.AddBrowserSecurity(builder.Configuration);
        builder.Services.AddTenancy(builder.Configuration);
        builder.Services.AddAdmin();
        builder.Services.AddOnboarding(builder.Configuration);
        builder.Services.AddIdentities();
        builder.Services.AddMembers();
        builder.Services.AddConsumerFilingLimit(builder.Configuration);
        builder.Services.AddComplaints();
        builder.Services.AddConsumerMembers();
        builder.Services.AddUploads(builder.Configuration);
        builder.Services.AddStaffApp(builder.Configuration);
        builder.Services.AddConversations();
        builder.Services.AddMemberView();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseBrowserSecurity();
        app.UseStaffApp();
        app.UseWeLinkApi();
        app.UseTenancy();
        app.UseRateLimiter();
        app.MapCallbacks();
        app.MapIdentities();
        app.MapInProcessSandbox();
        app.MapAdmin();
        app.MapOnboarding();
        app.MapCases();
        app.MapCaseMessaging();
        app.MapCalendars();
        app.MapComplaints();
        app.MapConsumerMembers();
        app.MapUploads();
        app.MapStaffApp();
        app.MapConversations();
        app.MapMemberView();
        return app;
    }

    /// <summary>
    /// Runs the server, or with <c>migrate</c> as first argument applies migrations and exits. Configuration
    /// that cannot work ends with one line naming the setting and exit code 2, not a stack trace.
    /// </summary>
    /// <param name="args">Command-line configuration, as for <see cref="Build"/>.</param>
    /// <param name="configure">Lets a host of WeLink (the callback benchmark) add services before the app is built.</param>
    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var migrateOnly = args.Length > 0 && args[0] == "migrate";
        try
        {
            await using var app = Build(migrateOnly ? args[1..] : args, configure);
            if (migrateOnly)
            {
                await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                await Console.Out.WriteLineAsync($"Database migrated: {app.Services.GetRequiredService<DatabaseSettings>().Describe()}");
                return 0;
            }

            // Every bad setting is reported together, before any service is built: hosted services resolve typed
            // clients whose options would otherwise fail one at a time during start.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } message)
        {
            await Console.Error.WriteLineAsync($"WeLink cannot start: {message}");
            return 2;
        }
    }
}
