using System.Text.Json.Serialization;

namespace WeLink.Server.Members;

/// <summary>What Members keeps as JSON in its own tables (a merge's moved rows).</summary>
[JsonSerializable(typeof(Dictionary<string, Guid[]>))]
internal sealed partial class MembersJsonContext : JsonSerializerContext;
