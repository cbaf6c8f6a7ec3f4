using Microsoft.Extensions.DependencyInjection;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.Tokens;
using WeLink.Wechat.WeCom;

namespace WeLink.Wechat.Tests.Options;

public sealed class AddWechatTests
{
    [Fact]
    public void Every_client_and_token_service_resolves()
    {
        using var services = TestConfiguration.Services();

        Assert.NotNull(services.GetRequiredService<ComponentClient>());
        Assert.NotNull(services.GetRequiredService<OfficialAccountClient>());
        Assert.NotNull(services.GetRequiredService<OpenBindingClient>());
        Assert.NotNull(services.GetRequiredService<SuiteClient>());
        Assert.NotNull(services.GetRequiredService<CorpClient>());
        Assert.NotNull(services.GetRequiredService<ComponentPageUrls>());
        Assert.NotNull(services.GetRequiredService<SuitePageUrls>());
        Assert.NotNull(services.GetRequiredService<AuthorizerTokenProvider>());
        Assert.NotNull(services.GetRequiredService<CorpTokenProvider>());
    }

    [Fact]
    public void The_stores_default_to_one_shared_in_memory_instance()
    {
        using var services = TestConfiguration.Services();

        var shared = services.GetRequiredService<InMemoryCredentialStore>();
        Assert.Same(shared, services.GetRequiredService<IComponentTicketStore>());
        Assert.Same(shared, services.GetRequiredService<ISuiteTicketStore>());
        Assert.Same(shared, services.GetRequiredService<IAuthorizerCredentialStore>());
        Assert.Same(shared, services.GetRequiredService<ICorpCredentialStore>());
        Assert.IsType<InMemoryTokenCache>(services.GetRequiredService<ITokenCache>());
        Assert.IsType<InMemoryDistributedLock>(services.GetRequiredService<IDistributedLock>());
    }

    [Fact]
    public void A_host_registered_cache_and_lock_win_over_the_in_memory_defaults()
    {
        var cache = new InMemoryTokenCache(TimeProvider.System);
        var distributedLock = new InMemoryDistributedLock();
        var services = new ServiceCollection();
        services.AddSingleton<ITokenCache>(cache);
        services.AddSingleton<IDistributedLock>(distributedLock);
        services.AddLogging();
        services.AddWechat(TestConfiguration.Build(TestConfiguration.ValidSettings()));
        using var provider = services.BuildServiceProvider();

        Assert.Same(cache, provider.GetRequiredService<ITokenCache>());
        Assert.Same(distributedLock, provider.GetRequiredService<IDistributedLock>());
    }
}
