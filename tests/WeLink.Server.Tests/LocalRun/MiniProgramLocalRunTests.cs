using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Server.Tests.Complaints;
using WeLink.Server.Tests.Identities;

namespace WeLink.Server.Tests.LocalRun;

/// <summary>
/// The brand's mini program in the README's `dotnet run`, with no setting added: HQ authorizes the sandbox's "Aurora Motors
/// Club" by clicking on the brand page's link, a consumer signs in with wx.login, accepts the status messages on the
/// subscribe dialog and files a complaint, and the receipt arrives on their sandbox phone as a subscribe message.
/// </summary>
public sealed class MiniProgramLocalRunTests
{
    private const string Club = "Aurora Motors Club";

    [Fact]
    public async Task HQ_authorizes_the_mini_program_by_clicking_and_a_complaint_filed_from_it_brings_the_receipt_as_a_subscribe_message()
    {
        await using var host = await LocalRunHost.StartAsync();
        var scene = await LocalRunScene.LinkBeijingDealerAsync(host);
        var club = host.Services.GetRequiredService<SandboxWorld>().Snapshot().Accounts.Single(a => a.Nickname == Club);

        var authorized = await OnboardingPages.AuthorizeMiniProgramThroughPagesAsync(scene.Admin, scene.BrandId, club.AppId);
        var brandPage = await scene.Admin.GetStringAsync(new Uri($"/admin/brands/{scene.BrandId}/dealers", UriKind.Relative));
        var (phone, openId) = await IdentityWorld.SignInMiniProgramAsync(host.Http, club.AppId, scene.Consumers[0], scene.DealerId);
        using (phone)
        {
            await scene.ControlAsync($"miniprogram/{club.AppId}/subscribe", new { openid = openId, template_ids = await TemplateIdsAsync(phone), accept = true });
            var complaint = await ComplaintTests.FileAsync(phone, "mini-program-first", "车辆故障", "high");

            var receipt = await Poll.UntilAsync(
                () => scene.MessagesToAsync(openId, "subscribe/send"), m => m.Count > 0, LocalRunScene.Deadline, "the receipt as a subscribe message");
            var detailPage = $"pages/complaints/detail?id={complaint.Id}&dealerId={scene.DealerId}";
            var body = Assert.Single(receipt).GetProperty("body");
            Assert.Equal(detailPage, body.GetProperty("page").GetString());
            Assert.Equal("已受理", body.GetProperty("data").GetProperty("phrase2").GetProperty("value").GetString());
            var phones = await host.Http.GetStringAsync(new Uri("/sandbox/phones", UriKind.Relative));
            Assert.Contains($"data-page=\"{WebUtility.HtmlEncode(detailPage)}\"", phones, StringComparison.Ordinal);
            Assert.Equal(scene.DealerId, complaint.DealerId);
        }

        Assert.Contains("data-result=\"Bound\"", authorized, StringComparison.Ordinal);
        Assert.Contains($"data-miniprogram=\"{club.AppId}\" data-status=\"active\"", brandPage, StringComparison.Ordinal);
    }

    /// <summary>What the page passes to wx.requestSubscribeMessage when the consumer files.</summary>
    private static async Task<string[]> TemplateIdsAsync(HttpClient phone)
    {
        var subscriptions = await phone.GetFromJsonAsync<JsonElement>(new Uri("/api/consumer/miniprogram/subscriptions", UriKind.Relative));
        return [.. subscriptions.GetProperty("templateIds").EnumerateArray().Select(t => t.GetString()!)];
    }
}
