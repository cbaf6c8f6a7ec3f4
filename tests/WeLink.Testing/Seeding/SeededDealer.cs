namespace WeLink.Testing.Seeding;

/// <summary>A seeded dealer: its ids, its links (null when not linked) and every staff member of it.</summary>
public sealed record SeededDealer(
    Guid Id, Guid BrandId, string Code, string Name, string Status, string? AppId, string? CorpId, IReadOnlyList<SeededStaff> Staff)
{
    public SeededStaff StaffMember(string userId) =>
        Staff.SingleOrDefault(s => s.UserId == userId) ?? throw new KeyNotFoundException($"No staff member {userId} was seeded at {Name}.");
}
