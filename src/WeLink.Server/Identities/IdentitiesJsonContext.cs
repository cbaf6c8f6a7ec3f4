using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeLink.Server.Identities;

/// <summary>Source-generated JSON for this feature's responses and its protected sign-in state.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SignInState))]
[JsonSerializable(typeof(ConsumerProfileResponse))]
[JsonSerializable(typeof(StaffProfileResponse))]
[JsonSerializable(typeof(MiniPrograms.MiniProgramSignInRequest))]
[JsonSerializable(typeof(MiniPrograms.MiniProgramRefreshRequest))]
[JsonSerializable(typeof(MiniPrograms.MiniProgramDealerRequest))]
[JsonSerializable(typeof(MiniPrograms.MiniProgramSessionResponse))]
[JsonSerializable(typeof(IReadOnlyList<StaffColleague>))]
[JsonSerializable(typeof(IReadOnlyList<Dealers.ConsumerDealerResponse>))]
public sealed partial class IdentitiesJsonContext : JsonSerializerContext;
