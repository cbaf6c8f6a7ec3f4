using System.Text.Json;
using System.Text.Json.Serialization;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding;

/// <summary>Onboarding's admin API JSON (web defaults: camelCase; enums as strings).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DealerLinkState))]
[JsonSerializable(typeof(StaffListResponse))]
[JsonSerializable(typeof(StaffRolesRequest))]
[JsonSerializable(typeof(MenuPublishResponse))]
[JsonSerializable(typeof(BrandMenu))]
public sealed partial class OnboardingJsonContext : JsonSerializerContext;
