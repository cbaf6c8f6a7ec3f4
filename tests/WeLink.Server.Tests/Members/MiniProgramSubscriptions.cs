using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Members;

/// <summary>The consumer's page asks for the mini program's subscribe template and the consumer accepts it once in the dialog.</summary>
internal static class MiniProgramSubscriptions
{
    public static async Task AcceptAsync(ComplaintWorld world, HttpClient consumer, string openId)
    {
        using var response = await consumer.GetAsync(new Uri("/api/consumer/miniprogram/subscriptions", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var templateId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("templateIds")[0].GetString()!;
        await world.ControlAsync($"miniprogram/{world.MiniProgramAppId}/subscribe", new { openid = openId, template_ids = new[] { templateId }, accept = true });
    }
}
