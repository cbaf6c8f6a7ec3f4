using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.Messages;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Sandbox.Tests.Browser;

/// <summary>People press buttons on the sandbox's phones page in headless Chromium; WeLink's callback side gets the pushes.</summary>
public sealed class PhonesPageTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private CallbackReceiver _receiver = null!;
    private SandboxHost _sandbox = null!;

    public async Task InitializeAsync()
    {
        _receiver = await CallbackReceiver.StartAsync();
        _sandbox = await SandboxHost.StartAsync(_receiver.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Pressing_a_card_button_pushes_a_template_card_event_to_the_corps_data_url()
    {
        var world = await WorldView.ReadAsync(_sandbox);
        var corp = await _sandbox.InstallCorpAsync(world.CorpId(0));
        var staff = world.StaffUserId(0, 0);
        var sent = await _sandbox.SendButtonCardAsync(corp, staff, "complaint-12", ("Accept", "accept"), ("Hand over", "hand-over"));
        Assert.True(sent.TryGetProperty("response_code", out _), sent.GetRawText());

        await chromium.OnPageAsync(async page =>
        {
            var phones = new PhonesPage(page, _sandbox);
            await phones.OpenAsync();
            var accept = phones.CardButton(staff, "complaint-12", "accept");
            await Expect(accept).ToHaveTextAsync("Accept");

            await accept.ClickAsync();

            var pressed = await _receiver.WaitForAsync<TemplateCardEvent>(
                $"/wecom/suite/data/{corp.CorpId}", e => e.TaskId == "complaint-12");
            Assert.Equal("accept", pressed.EventKey);
            Assert.Equal(staff, pressed.FromUserName);
            Assert.Equal(corp.CorpId, pressed.ToUserName);
            Assert.False(string.IsNullOrEmpty(pressed.ResponseCode));
            await Expect(page).ToHaveURLAsync(new Uri(_sandbox.BaseAddress, "phones").ToString());
            await Expect(phones.Errors).ToHaveCountAsync(0);
        });
        Assert.Empty(_receiver.Rejected);
    }

    [Fact]
    public async Task A_consumer_follows_and_writes_and_both_reach_the_accounts_message_url()
    {
        var world = await WorldView.ReadAsync(_sandbox);
        var appId = world.VerifiedServiceAccount;
        var consumer = world.ConsumerId(0);
        await _sandbox.AuthorizeAccountAsync(appId);
        var messagesPath = $"/wechat/component/accounts/{appId}/messages";

        await chromium.OnPageAsync(async page =>
        {
            var phones = new PhonesPage(page, _sandbox);
            await phones.OpenAsync();

            await phones.ConsumerForm("follow", consumer, appId).Locator("button").ClickAsync();

            var followed = await _receiver.WaitForAsync<SubscribeEvent>(messagesPath, _ => true);
            await Expect(phones.ConsumerForm("unfollow", consumer, appId).Locator("button")).ToHaveTextAsync("取消关注");

            var write = phones.ConsumerForm("send-text", consumer, appId);
            await write.Locator("input[name=content]").FillAsync("Is my car ready?");
            await write.Locator("button").ClickAsync();

            var text = await _receiver.WaitForAsync<TextMessage>(messagesPath, _ => true);
            Assert.Equal("Is my car ready?", text.Content);
            Assert.Equal(followed.FromUserName, text.FromUserName);
            await Expect(phones.Errors).ToHaveCountAsync(0);
        });
        Assert.Empty(_receiver.Rejected);
    }
}
