using WeLink.Sandbox.Tests.Infrastructure;
using WeLink.Wechat.Messages;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Sandbox.Tests.Browser;

/// <summary>People press buttons on the sandbox's phones page in headless Chromium; WeLink's callback side gets the pushes.</summary>
public sealed class PhonesPageTests(Chromium chromium) : SandboxPageTest, IClassFixture<Chromium>
{
    [Fact]
    public async Task Pressing_a_card_button_pushes_a_template_card_event_to_the_corps_data_url()
    {
        var world = await WorldView.ReadAsync(Host);
        var corp = await Host.InstallCorpAsync(world.CorpId(0));
        var staff = world.StaffUserId(0, 0);
        var sent = await Host.SendButtonCardAsync(corp, staff, "complaint-12", ("Accept", "accept"), ("Hand over", "hand-over"));
        Assert.True(sent.TryGetProperty("response_code", out _), sent.GetRawText());

        await chromium.OnPageAsync(async page =>
        {
            var phones = new PhonesPage(page, Host);
            await phones.OpenAsync();
            var accept = phones.CardButton(staff, "complaint-12", "accept");
            await Expect(accept).ToHaveTextAsync("Accept");

            await accept.ClickAsync();

            var pressed = await Receiver.WaitForAsync<TemplateCardEvent>(
                $"/wecom/suite/data/{corp.CorpId}", e => e.TaskId == "complaint-12");
            Assert.Equal("accept", pressed.EventKey);
            Assert.Equal(staff, pressed.FromUserName);
            Assert.Equal(corp.CorpId, pressed.ToUserName);
            Assert.False(string.IsNullOrEmpty(pressed.ResponseCode));
            await Expect(page).ToHaveURLAsync(new Uri(Host.BaseAddress, "phones").ToString());
            await Expect(phones.Errors).ToHaveCountAsync(0);
        });
        Assert.Empty(Receiver.Rejected);
    }

    [Fact]
    public async Task A_consumer_follows_and_writes_and_both_reach_the_accounts_message_url()
    {
        var world = await WorldView.ReadAsync(Host);
        var appId = world.VerifiedServiceAccount;
        var consumer = world.ConsumerId(0);
        await Host.AuthorizeAccountAsync(appId);
        var messagesPath = $"/wechat/component/accounts/{appId}/messages";

        await chromium.OnPageAsync(async page =>
        {
            var phones = new PhonesPage(page, Host);
            await phones.OpenAsync();

            await phones.ConsumerForm("follow", consumer, appId).Locator("button").ClickAsync();

            var followed = await Receiver.WaitForAsync<SubscribeEvent>(messagesPath, _ => true);
            await Expect(phones.ConsumerForm("unfollow", consumer, appId).Locator("button")).ToHaveTextAsync("取消关注");

            var write = phones.ConsumerForm("send-text", consumer, appId);
            await write.Locator("input[name=content]").FillAsync("Is my car ready?");
            await write.Locator("button").ClickAsync();

            var text = await Receiver.WaitForAsync<TextMessage>(messagesPath, _ => true);
            Assert.Equal("Is my car ready?", text.Content);
            Assert.Equal(followed.FromUserName, text.FromUserName);
            await Expect(phones.Errors).ToHaveCountAsync(0);
        });
        Assert.Empty(Receiver.Rejected);
    }
}
