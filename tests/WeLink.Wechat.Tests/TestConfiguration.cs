using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace WeLink.Wechat.Tests;

/// <summary>A valid configuration for AddWechat, with one-key overrides.</summary>
internal static class TestConfiguration
{
    public const string ComponentAppid = "wx134c8103faa5a59e";
    public const string SuiteId = "ww4asffe99e54c0f01";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    public static Dictionary<string, string?> ValidSettings() => new()
    {
        ["WeChat:Component:AppId"] = ComponentAppid,
        ["WeChat:Component:AppSecret"] = "component-secret-value",
        ["WeChat:Component:Token"] = "component-token",
        ["WeChat:Component:EncodingAesKey"] = AesKey,
        ["WeCom:ProviderCorpId"] = "wwprovider0000001",
        ["WeCom:Suite:SuiteId"] = SuiteId,
        ["WeCom:Suite:SuiteSecret"] = "suite-secret-value",
        ["WeCom:Suite:Token"] = "suite-token",
        ["WeCom:Suite:EncodingAesKey"] = AesKey,
    };

    public static IConfiguration Build(IDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    public static ServiceProvider Services(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWechat(Build(settings ?? ValidSettings()));
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
