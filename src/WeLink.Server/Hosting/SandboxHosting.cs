using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Time;
using WeLink.Server.Shared;

namespace WeLink.Server.Hosting;

/// <summary>
/// Hosts the WeChat/WeCom sandbox inside WeLink when <c>Sandbox:Enabled</c> is true (the local default run):
/// WeLink's API and page hosts point at the sandbox's routes on this same server, WeLink uses the sandbox's
/// component and suite credentials, and the sandbox pushes to this server's callback URLs. With it false,
/// nothing of the sandbox is registered or mapped. With <c>Sandbox:ShareClock</c> (the local run) WeLink's clock is the
/// sandbox clock.
/// </summary>
public static class SandboxHosting
{
    public const string EnabledKey = "Sandbox:Enabled";
    public const string PublicBaseUrlKey = PublicAddress.ConfigurationKey;
    public const string ShareClockKey = "Sandbox:ShareClock";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);

    public static WebApplicationBuilder AddInProcessSandbox(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!IsEnabled(configuration))
        {
            return builder;
        }

        var self = PublicBaseUrl(configuration).TrimEnd('/');
        var sandbox = self + SandboxFeature.PathPrefix;
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeChat:ApiBaseUrl"] = sandbox + "/wechat",
            ["WeChat:MpBaseUrl"] = sandbox + "/mp",
            ["WeChat:OpenBaseUrl"] = sandbox + "/open",
            ["WeCom:ApiBaseUrl"] = sandbox + "/wecom",
            ["WeCom:OpenBaseUrl"] = sandbox + "/wecom-open",
            ["WeChat:Component:AppId"] = configuration["Sandbox:Component:AppId"],
            ["WeChat:Component:AppSecret"] = configuration["Sandbox:Component:AppSecret"],
            ["WeChat:Component:Token"] = configuration["Sandbox:Component:Token"],
            ["WeChat:Component:EncodingAesKey"] = configuration["Sandbox:Component:EncodingAesKey"],
            ["WeCom:Suite:SuiteId"] = configuration["Sandbox:Suite:SuiteId"],
            ["WeCom:Suite:SuiteSecret"] = configuration["Sandbox:Suite:SuiteSecret"],
            ["WeCom:Suite:Token"] = configuration["Sandbox:Suite:Token"],
            ["WeCom:Suite:EncodingAesKey"] = configuration["Sandbox:Suite:EncodingAesKey"],
            ["WeCom:ProviderCorpId"] = configuration["Sandbox:ProviderCorpId"],
            ["Sandbox:CallbackBaseUrl"] = self,
            ["StaffApp:BridgeScript"] = SandboxFeature.BridgeScriptPath,
        });
        builder.Services.AddSandbox(configuration);
        if (configuration.GetValue<bool>(ShareClockKey))
        {
            // Registered after WeLink's system clock, so this one wins: every TimeProvider consumer (SLA timers, push
            // timestamp checks, token expiry) reads the sandbox clock, and pollers see an advance on their next round.
            builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SandboxClock>());
        }

        return builder;
    }

    public static WebApplication MapInProcessSandbox(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            // The stand-in for WeChat and WeCom answers like they do: to whoever calls, with their own checks.
            app.MapGroup("").AllowAnonymous().MapSandbox();
        }

        return app;
    }

    /// <summary>Where browsers and the sandbox reach this server; the sandbox must know its port before Kestrel binds.</summary>
    private static string PublicBaseUrl(ConfigurationManager configuration)
    {
        var self = PublicAddress.ConfiguredBase(configuration);
        if (new Uri(self).Port == 0)
        {
            throw new StartupConfigurationException(
                $"{EnabledKey} needs a fixed port: set {PublicBaseUrlKey} or a port other than 0 in 'urls'.");
        }

        return self;
    }
}
