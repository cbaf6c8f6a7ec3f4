using System.Text.Json;

namespace WeLink.Callbacks.Bench;

/// <summary>
/// What the setup linked and the mix's events refer to, written as JSON by <c>setup</c> and read by <c>generate-mix</c>,
/// so the generator can address any WeLink (one node or a load balancer) whose dealers were linked by a setup.
/// </summary>
internal sealed record MixWorld(IReadOnlyList<MixDealer> Dealers)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static MixWorld Read(string file) =>
        JsonSerializer.Deserialize<MixWorld>(File.ReadAllText(file), Json) ?? throw new InvalidDataException(file + " holds no world.");

    public void Write(string file) => File.WriteAllText(file, JsonSerializer.Serialize(this, Json));
}

/// <param name="DealerId">WeLink's dealer.</param>
/// <param name="AppId">The dealer's official account, authorized through the sandbox's page.</param>
/// <param name="OriginalId">The account's gh_ id, which WeLink checks pushes are addressed to.</param>
/// <param name="CorpId">The dealer's WeCom corp, which installed the suite app.</param>
/// <param name="StaffUserIds">Members of the corp.</param>
/// <param name="Followers">Openids of the sandbox consumers following the account (WeLink created their consumers).</param>
/// <param name="Contacts">Customers that a staff member of the corp added (WeCom external contacts).</param>
/// <param name="AgentId">The suite app's agent id in the corp, which WeCom names in the pushes to the corp's data URL.</param>
/// <param name="Cases">Open complaints filed by the followers, each with the card its new-complaint notice sent.</param>
internal sealed record MixDealer(
    Guid DealerId,
    string AppId,
    string OriginalId,
    string CorpId,
    IReadOnlyList<string> StaffUserIds,
    IReadOnlyList<string> Followers,
    IReadOnlyList<MixContact> Contacts,
    long AgentId,
    IReadOnlyList<MixCase> Cases);

internal sealed record MixContact(string UserId, string ExternalUserId);

/// <param name="CaseId">The complaint's case, still in the state the card was sent in.</param>
/// <param name="TaskId">The card's task id, which names the case and the notice (<c>CaseCards</c>).</param>
/// <param name="Trigger">The button pressed: its key is the trigger it fires, one the state allows.</param>
/// <param name="UserId">A recipient of the card whose role may fire the trigger.</param>
internal sealed record MixCase(Guid CaseId, string TaskId, string Trigger, string UserId);
