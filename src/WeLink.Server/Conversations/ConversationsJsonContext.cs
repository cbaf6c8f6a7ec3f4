using System.Text.Json.Serialization;
using WeLink.Server.Complaints.Contracts;
using WeLink.Server.Conversations.Api;

namespace WeLink.Server.Conversations;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReplyRequest))]
[JsonSerializable(typeof(IReadOnlyList<ConversationSummary>))]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(SentResponse))]
[JsonSerializable(typeof(ClosedResponse))]
[JsonSerializable(typeof(ComplaintRequest))]
[JsonSerializable(typeof(FiledResponse))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintOption>))]
internal sealed partial class ConversationsJsonContext : JsonSerializerContext;
