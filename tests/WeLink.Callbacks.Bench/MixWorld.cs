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
internal sealed record MixDealer(
    Guid DealerId,
    string AppId,
    string OriginalId,
    string CorpId,
    IReadOnlyList<string> StaffUserIds,
    IReadOnlyList<string> Followers,
    IReadOnlyList<MixContact> Contacts);

internal sealed record MixContact(string UserId, string ExternalUserId);
