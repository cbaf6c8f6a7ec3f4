using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeLink.Server.Calendars.Api;

/// <summary>JSON of the calendar admin API (camelCase, the web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DealerCalendarRequest))]
[JsonSerializable(typeof(DealerCalendarResponse))]
[JsonSerializable(typeof(BrandHolidaysRequest))]
[JsonSerializable(typeof(BrandHolidaysResponse))]
public sealed partial class CalendarsJsonContext : JsonSerializerContext;
