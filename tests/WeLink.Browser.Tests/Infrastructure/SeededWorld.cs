using System.Text.Json;

namespace WeLink.Browser.Tests.Infrastructure;

/// <summary>The sandbox's seeded world as the control API reports it.</summary>
public sealed class SeededWorld(JsonElement snapshot)
{
    public static async Task<SeededWorld> ReadAsync(SandboxHost host) => new(await host.Client.GetJsonAsync("control/world"));

    public string VerifiedServiceAccount =>
        snapshot.GetProperty("accounts").EnumerateArray()
            .First(a => a.Text("kind") == "ServiceAccount" && a.GetProperty("verified").GetBoolean())
            .Text("app_id");

    public string ConsumerId(int index) => snapshot.GetProperty("consumers")[index].GetProperty("consumer").Text("id");

    public string CorpId(int index) => snapshot.GetProperty("corps")[index].GetProperty("corp").Text("corp_id");

    public string StaffUserId(int corpIndex, int staffIndex) =>
        snapshot.GetProperty("corps")[corpIndex].GetProperty("staff")[staffIndex].Text("user_id");
}
