using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Cases.Messaging;

/// <summary>WeLink adds the status template to each account itself, once, through the sandbox's template library.</summary>
public abstract class AccountTemplatesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string[] Keywords = ["服务项目", "处理进度", "更新时间", "进度说明", "温馨提示"];

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private AccountTemplates Templates => _world.Host.Services.GetRequiredService<AccountTemplates>();

    private List<MessageTemplate> StatusTemplatesInTheAccount() =>
        [.. _world.Host.Services.GetRequiredService<SandboxWorld>().Snapshot().Accounts.Single(a => a.AppId == _world.BeijingAppId)
            .Templates.Where(t => t.Title == "服务进度通知")];

    [Fact]
    public async Task Ten_concurrent_first_asks_add_the_template_to_the_account_once_and_all_get_its_id()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Templates.IdAsync(_world.BeijingAppId, "47317", Keywords, CancellationToken.None))));

        var added = Assert.Single(StatusTemplatesInTheAccount());
        Assert.All(ids, id => Assert.Equal(added.TemplateId, id));
        Assert.Equal("服务项目：{{thing1.DATA}}\n处理进度：{{phrase2.DATA}}\n更新时间：{{time3.DATA}}\n进度说明：{{thing4.DATA}}\n温馨提示：{{thing5.DATA}}", added.Content);
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM account_templates WHERE app_id = @appId", new { appId = _world.BeijingAppId }));
    }

    [Fact]
    public async Task A_forgotten_id_is_added_again_on_the_next_ask_and_other_picks_are_other_templates()
    {
        var first = await Templates.IdAsync(_world.BeijingAppId, "47317", Keywords, CancellationToken.None);

        await Templates.ForgetAsync(_world.BeijingAppId, first, CancellationToken.None);
        var second = await Templates.IdAsync(_world.BeijingAppId, "47317", Keywords, CancellationToken.None);
        var otherPick = await Templates.IdAsync(_world.BeijingAppId, "47317", ["处理进度"], CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal([first, second, otherPick], StatusTemplatesInTheAccount().Select(t => t.TemplateId));
        Assert.Equal(second, await Templates.IdAsync(_world.BeijingAppId, "47317", Keywords, CancellationToken.None));
    }

    [Fact]
    public async Task A_library_template_WeChat_does_not_have_fails_the_ask_and_stores_nothing()
    {
        var refused = await Assert.ThrowsAsync<WeLink.Wechat.Http.WechatApiException>(
            () => Templates.IdAsync(_world.BeijingAppId, "99999", Keywords, CancellationToken.None));

        Assert.Equal(40037, refused.Errcode);
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM account_templates"));
    }
}

public sealed class AccountTemplatesTests_on_Sqlite() : AccountTemplatesTests(DatabaseProvider.Sqlite);

public sealed class AccountTemplatesTests_on_Postgres() : AccountTemplatesTests(DatabaseProvider.Postgres);
