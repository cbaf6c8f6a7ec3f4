using System.ComponentModel.DataAnnotations;
using WeLink.Server.Shared;

namespace WeLink.Server.Conversations.Api;

/// <param name="Text">1 to 600 characters.</param>
public sealed record ReplyRequest([StringLength(TextLimits.Text)] string? Text);
