using System.ComponentModel.DataAnnotations;
using WeLink.Server.Shared;

namespace WeLink.Server.Complaints.Api;

/// <param name="Category">What the complaint is about (at most 50 characters).</param>
/// <param name="Description">What happened (at most 2000 characters).</param>
/// <param name="Severity">low, normal or high.</param>
/// <param name="Vehicle">Optional: the plate or VIN the complaint is about.</param>
/// <param name="PhotoIds">Optional: up to six photos the consumer uploaded for it (<c>POST /api/consumer/uploads</c>) and no filing took yet.</param>
public sealed record FileComplaintRequest(
    [StringLength(50)] string? Category,
    [StringLength(TextLimits.Text)] string? Description,
    [StringLength(TextLimits.Code)] string? Severity,
    [StringLength(50)] string? Vehicle,
    IReadOnlyList<Guid>? PhotoIds = null);

public sealed record ProvideInformationRequest([StringLength(TextLimits.Text)] string? Answer);

/// <param name="Satisfaction">1 (very dissatisfied) to 5.</param>
/// <param name="Recommend">0 to 10: how likely the consumer recommends the dealer.</param>
public sealed record SurveyRequest(int? Satisfaction, int? Recommend);
