namespace WeLink.Testing.Seeding;

public sealed record SeededStaff(Guid Id, string UserId, string Name, string Status, IReadOnlyList<string> Roles);
