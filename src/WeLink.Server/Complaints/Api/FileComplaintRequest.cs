namespace WeLink.Server.Complaints.Api;

/// <param name="Category">What the complaint is about: one of <c>GET /api/consumer/complaints/categories</c>.</param>
/// <param name="Description">What happened (at most 2000 characters).</param>
/// <param name="Severity">One of <c>GET /api/consumer/complaints/severities</c>.</param>
/// <param name="Vehicle">Optional: the plate or VIN the complaint is about.</param>
/// <param name="PhotoIds">Optional: up to six photos the consumer uploaded for it (<c>POST /api/consumer/uploads</c>) and no filing took yet.</param>
/// <remarks>
/// No DataAnnotations: the endpoints check every field themselves (<see cref="ConsumerComplaintEndpoints"/>), so each
/// refusal has the one shape the pages read (camelCase field, Chinese message and detail), which the framework's
/// validation would not give (its field names are PascalCase, its title English, its detail empty).
/// </remarks>
public sealed record FileComplaintRequest(string? Category, string? Description, string? Severity, string? Vehicle, IReadOnlyList<Guid>? PhotoIds = null);

public sealed record ProvideInformationRequest(string? Answer);

/// <param name="Satisfaction">1 (very dissatisfied) to 5.</param>
/// <param name="Recommend">0 to 10: how likely the consumer recommends the dealer.</param>
public sealed record SurveyRequest(int? Satisfaction, int? Recommend);
