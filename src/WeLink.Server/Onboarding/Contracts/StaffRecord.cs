namespace WeLink.Server.Onboarding.Contracts;

/// <summary>A staff row with its roles, as the dealer admin sees it.</summary>
public sealed record StaffRecord(Guid Id, string UserId, string Name, string Status, IReadOnlyList<string> Roles);
