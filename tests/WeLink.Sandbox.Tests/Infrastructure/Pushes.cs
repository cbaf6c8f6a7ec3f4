using System.Text.Json;

namespace WeLink.Sandbox.Tests.Infrastructure;

public static class Pushes
{
    /// <summary>The push record once it is delivered, failed or dropped (the sandbox waits up to the given time).</summary>
    public static Task<JsonElement> FinishedPushAsync(this SandboxHost host, long pushId, int waitSeconds = 20) =>
        host.Client.GetJsonAsync($"control/pushes/{pushId}?wait_seconds={waitSeconds}");

    public static long PushId(this JsonElement response) => response.GetProperty("push_id").GetInt64();
}
