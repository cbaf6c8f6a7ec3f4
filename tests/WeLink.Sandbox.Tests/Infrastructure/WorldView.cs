using System.Text.Json;

namespace WeLink.Sandbox.Tests.Infrastructure;

/// <summary>The seeded world as the control API reports it.</summary>
public sealed class WorldView(JsonElement snapshot)
{
    public JsonElement Snapshot { get; } = snapshot;

    public static async Task<WorldView> ReadAsync(SandboxHost host) => new(await host.Client.GetJsonAsync("control/world"));

    public string AccountAppId(string kind, bool verified) =>
        Snapshot.GetProperty("accounts").EnumerateArray()
            .First(a => a.Text("kind") == kind && a.GetProperty("verified").GetBoolean() == verified)
            .Text("app_id");

    public string VerifiedServiceAccount => AccountAppId("ServiceAccount", verified: true);

    /// <summary>The seeded mini program, "Aurora Motors Club".</summary>
    public string MiniProgram => AccountAppId("MiniProgram", verified: true);

    public JsonElement Account(string appId) =>
        Snapshot.GetProperty("accounts").EnumerateArray().First(a => a.Text("app_id") == appId);

    public string ConsumerId(int index) =>
        Snapshot.GetProperty("consumers")[index].GetProperty("consumer").Text("id");

    public JsonElement Corp(int index) => Snapshot.GetProperty("corps")[index];

    public string CorpId(int index) => Corp(index).GetProperty("corp").Text("corp_id");

    public string StaffUserId(int corpIndex, int staffIndex) => Corp(corpIndex).GetProperty("staff")[staffIndex].Text("user_id");
}
