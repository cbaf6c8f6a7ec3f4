using System.Text.Json;
using System.Text.Json.Serialization;
using WeLink.Server.Tenancy;

namespace WeLink.Server.Admin.Api;

/// <summary>JSON of the admin API (camelCase, the web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(CreateBrandRequest))]
[JsonSerializable(typeof(CreateRegionRequest))]
[JsonSerializable(typeof(CreateDealerRequest))]
[JsonSerializable(typeof(DealerVersionRequest))]
[JsonSerializable(typeof(CreateAdminUserRequest))]
[JsonSerializable(typeof(Brand))]
[JsonSerializable(typeof(IReadOnlyList<Brand>))]
[JsonSerializable(typeof(Region))]
[JsonSerializable(typeof(IReadOnlyList<Region>))]
[JsonSerializable(typeof(Dealer))]
[JsonSerializable(typeof(IReadOnlyList<Dealer>))]
[JsonSerializable(typeof(AdminUser))]
[JsonSerializable(typeof(IReadOnlyList<AdminUser>))]
[JsonSerializable(typeof(IReadOnlyList<AuditEntry>))]
public sealed partial class AdminJsonContext : JsonSerializerContext;
