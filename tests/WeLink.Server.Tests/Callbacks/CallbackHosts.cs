using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Callbacks;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Conversations;

namespace WeLink.Server.Tests.Callbacks;

/// <summary>Starting hosts for the callback tests and reading their inbox.</summary>
public static class CallbackHosts
{
    /// <summary>
    /// A host on the database whose sandbox pushes nothing unasked, with the given handler registered and the test
    /// account (<see cref="SignedPush.AppId"/>, original id <see cref="SignedPush.OriginalId"/>) linked to a dealer.
    /// These tests own followers' text messages: the conversations handler, which takes every one of them in
    /// production, is not routed, so an event's fate is the test handler's alone (or no handler's).
    /// </summary>
    public static async Task<WeLinkTestHost> StartAsync(
        TestDatabase database, RecordingHandler? handler = null, IEnumerable<string>? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var host = await WeLinkTestHost.StartAsync(
            [.. database.HostArgs, "--Sandbox:PushTicketsOnSchedule=false", .. args ?? []],
            builder =>
            {
                foreach (var route in builder.Services.Where(IsConversationsRoute).ToList())
                {
                    builder.Services.Remove(route);
                }

                if (handler is not null)
                {
                    builder.Services.AddInboxHandler(handler);
                }

                configure?.Invoke(builder);
            });
        await database.LinkAccountAsync(SignedPush.AppId, SignedPush.OriginalId);
        return host;
    }

    private static bool IsConversationsRoute(ServiceDescriptor service) =>
        !service.IsKeyedService && service.ImplementationInstance is InboxRoute { HandlerType: var type } && type == typeof(ConsumerMessageHandler);

    /// <summary>Links the account to a dealer of its own, as authorizing it would; a second call (another host on the same database) changes nothing.</summary>
    public static async Task LinkAccountAsync(this TestDatabase database, string appId, string originalId)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (await database.ScalarAsync<long>("SELECT COUNT(*) FROM official_account_links WHERE app_id = @appId", new { appId }) > 0)
        {
            return;
        }

        var name = "callbacks " + appId;
        await Seed.In(database).Brand(name).Dealer(name, d => d.Code(appId).Approved().LinkedAccount(appId, name, originalId));
    }

    public static Task<long> InboxCountAsync(this TestDatabase database, string? status = null) =>
        status is null
            ? database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox")
            : database.ScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = @status", new { status });

    public static Task<string> StatusOfAsync(this TestDatabase database, string dedupKeyPart) =>
        database.ScalarAsync<string>("SELECT status FROM inbox WHERE dedup_key LIKE @pattern", new { pattern = "%" + dedupKeyPart + "%" });

    public static async Task<JsonElement> ControlAsync(this WeLinkTestHost host, string path, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var response = query is null
            ? await host.Http.PostAsync(new Uri("/sandbox/control/" + path, UriKind.Relative), null)
            : await host.Http.GetAsync(new Uri("/sandbox/control/" + path + query, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Waits for the sandbox to finish delivering a push, and returns its record.</summary>
    public static Task<JsonElement> DeliveredPushAsync(this WeLinkTestHost host, long pushId) =>
        host.ControlAsync($"pushes/{pushId}", "?wait_seconds=20");
}
