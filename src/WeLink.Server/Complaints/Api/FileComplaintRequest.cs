namespace WeLink.Server.Complaints.Api;

/// <param name="Category">What the complaint is about (at most 50 characters).</param>
/// <param name="Description">What happened (at most 2000 characters).</param>
/// <param name="Severity">low, normal or high.</param>
/// <param name="Vehicle">Optional: the plate or VIN the complaint is about.</param>
public sealed record FileComplaintRequest(string? Category, string? Description, string? Severity, string? Vehicle);

public sealed record ProvideInformationRequest(string? Answer);

/// <param name="Satisfaction">1 (very dissatisfied) to 5.</param>
/// <param name="Recommend">0 to 10: how likely the consumer recommends the dealer.</param>
public sealed record SurveyRequest(int? Satisfaction, int? Recommend);
