using System.ComponentModel.DataAnnotations;
using WeLink.Server.Shared;

namespace WeLink.Server.Conversations.Api;

/// <summary>转为投诉: the complaint staff file from a conversation.</summary>
/// <param name="Category">What the complaint is about (1 to 50 characters).</param>
/// <param name="Severity">low, normal or high.</param>
/// <param name="Description">Optional (at most 2000 characters, the request's guard): the consumer's own messages, one a line, when left out or blank.</param>
public sealed record ComplaintRequest(
    [StringLength(TextLimits.Name)] string? Category,
    [StringLength(TextLimits.Code)] string? Severity,
    [StringLength(TextLimits.Text)] string? Description);

/// <summary>The complaint's case, which the app opens.</summary>
public sealed record FiledResponse(Guid CaseId);
