using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using WeLink.Server.Calendars.Api;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Conversations;

/// <summary>What the conversation tests do in <see cref="ComplaintWorld"/>: consumers write from their sandbox phone, staff use the API.</summary>
internal static class ConversationWorld
{
    public const string CustomSend = "custom/send";
    public static readonly Uri List = new("/api/staff/conversations", UriKind.Relative);

    private static readonly string[] Week = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The Beijing dealer's hours every day of the week, through the portal's API (e.g. 00:00-24:00).</summary>
    public static async Task SetBeijingHoursAsync(this ComplaintWorld world, string hours)
    {
        using var admin = await world.PlatformAdminAsync();
        var current = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/dealers/{world.BeijingDealerId}/calendar");
        var request = new DealerCalendarRequest("Asia/Shanghai", Week.ToDictionary(d => d, _ => (IReadOnlyList<string?>?)[hours]), [], [], current.GetProperty("version").GetInt32());
        using var response = await admin.Http.PutAsJsonAsync($"/api/admin/dealers/{world.BeijingDealerId}/calendar", request, Admin.AdminClient.Json);
        Assert.True(response.IsSuccessStatusCode, $"PUT calendar: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Hours that do not hold the present moment in Beijing: an hour that starts 12 hours from now.</summary>
    public static string HoursClosedNow(this ComplaintWorld world)
    {
        var opens = world.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddHours(12);
        return string.Create(CultureInfo.InvariantCulture, $"{opens:HH}:00-{opens.AddHours(1):HH}:00").Replace("-00:00", "-24:00", StringComparison.Ordinal);
    }

    /// <summary>The person writes to the Beijing account from their phone; returns once WeLink took the push.</summary>
    public static async Task WriteAsync(this ComplaintWorld world, string person, string text)
    {
        var sent = await world.ControlAsync("consumers/send-text", new { consumer_id = person, appid = world.BeijingAppId, content = text });
        await world.Host.Http.GetStringAsync(new Uri($"/sandbox/control/pushes/{sent.GetProperty("push_id").GetInt64()}?wait_seconds=10", UriKind.Relative));
    }

    /// <summary>The person sends a picture (send-image) or voice (send-voice) to the Beijing account; returns once WeLink took the push.</summary>
    public static async Task SendMediaAsync(this ComplaintWorld world, string person, string action)
    {
        var sent = await world.ControlAsync("consumers/" + action, new { consumer_id = person, appid = world.BeijingAppId });
        await world.Host.Http.GetStringAsync(new Uri($"/sandbox/control/pushes/{sent.GetProperty("push_id").GetInt64()}?wait_seconds=10", UriKind.Relative));
    }

    public static async Task<JsonElement> ListAsync(this HttpClient staff, string view = "open")
    {
        var text = await staff.GetStringAsync(new Uri($"/api/staff/conversations?view={view}", UriKind.Relative));
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Waits until the staff member's list holds a conversation whose newest message is <paramref name="text"/>.</summary>
    public static async Task<JsonElement> AwaitConversationAsync(this HttpClient staff, string text) =>
        (await Poll.UntilAsync(
            () => staff.ListAsync(),
            list => list.EnumerateArray().Any(c => c.GetProperty("lastMessage").GetProperty("text").GetString() == text),
            Deadline.Delivery,
            $"a conversation ending with '{text}'"))
        .EnumerateArray().First(c => c.GetProperty("lastMessage").GetProperty("text").GetString() == text);

    public static async Task<JsonElement> ConversationAsync(this HttpClient staff, string conversationId)
    {
        var text = await staff.GetStringAsync(new Uri($"/api/staff/conversations/{conversationId}", UriKind.Relative));
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A POST with an Idempotency-Key (a fresh one unless given) and an optional JSON body.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ReplyAsync(this HttpClient staff, string conversationId, string text, string? key = null) =>
        staff.PostAsync($"/api/staff/conversations/{conversationId}/replies", new { text }, key);

    /// <summary>转为投诉: files the conversation as a complaint (category, severity, description?).</summary>
    public static Task<HttpResponseMessage> FileComplaintAsync(this HttpClient staff, string conversationId, object complaint, string? key = null) =>
        staff.PostAsync($"/api/staff/conversations/{conversationId}/complaint", complaint, key);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement;
    }
}
