using System.Text.Json;
using System.Text.Json.Serialization;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Onboarding.Menus;

/// <summary>The brand menu in WeChat's own snake_case, so HQ can paste a menu/create body as it is.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BrandMenu))]
public sealed partial class MenuJsonContext : JsonSerializerContext;
