using System.Net;
using System.Net.Http.Json;
using WeLink.Server.Members.Api;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Members;

/// <summary>What the mini program's member pages send, as they send it: with an Idempotency-Key on every write.</summary>
internal static class MemberRequests
{
    public const string TextVersion = "2026-12";

    /// <summary>The person taps the phone button and allows it: the code the page receives.</summary>
    public static async Task<string> PhoneCodeAsync(ComplaintWorld world, string person) =>
        (await world.ControlAsync($"miniprogram/{world.MiniProgramAppId}/phone-number", new { consumer = person, allow = true })).GetProperty("code").GetString()!;

    /// <summary>Taps the phone button, joins (202), then asks as the card page does until the joining case has issued the card.</summary>
    public static async Task<ConsumerMemberResponse> JoinAsync(ComplaintWorld world, HttpClient client, string person, string key, string? name, bool marketing = true) =>
        await JoinWithCodeAsync(client, await PhoneCodeAsync(world, person), key, name, marketing);

    public static async Task<ConsumerMemberResponse> JoinWithCodeAsync(HttpClient client, string code, string key, string? name, bool marketing)
    {
        using var response = await PostJoinAsync(client, code, key, name, marketing);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<ConsumerMemberResponse>(new Uri("/api/consumer/member", UriKind.Relative)))!,
            member => member.Status == "member",
            Deadline.Delivery,
            "the card issued");
    }

    public static Task<HttpResponseMessage> PostJoinAsync(HttpClient client, string? code, string key, string? name, bool marketing) =>
        PostAsync(client, "/api/consumer/member/join", key, new
        {
            phoneCode = code,
            name,
            consents = new[] { new { purpose = "service", granted = true }, new { purpose = "marketing", granted = marketing } },
            textVersion = TextVersion,
        });

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string key, object body) => SendAsync(client, HttpMethod.Post, path, key, body);

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string key, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
