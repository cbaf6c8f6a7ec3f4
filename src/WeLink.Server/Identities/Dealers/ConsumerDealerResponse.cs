namespace WeLink.Server.Identities.Dealers;

/// <summary>A dealer as the consumer's home page and dealer picker show it.</summary>
/// <param name="Id">The dealer's id: the dealerId of page paths and of <c>sessions/dealer</c>.</param>
/// <param name="Name">The dealer's name.</param>
/// <param name="City">Not recorded by WeLink yet: null.</param>
/// <param name="Address">Not recorded by WeLink yet: null.</param>
/// <param name="Phone">Not recorded by WeLink yet: null.</param>
/// <param name="OpeningHours">The next seven days from today, in the dealer's business calendar (holidays included).</param>
/// <param name="Services">What consumers can ask of the dealer through WeLink.</param>
public sealed record ConsumerDealerResponse(
    Guid Id, string Name, string? City, string? Address, string? Phone, IReadOnlyList<OpeningDay> OpeningHours, IReadOnlyList<string> Services);

/// <param name="Day">周一 … 周日.</param>
/// <param name="Hours">e.g. 09:00–12:00、13:00–18:00, or 休息 when closed.</param>
public sealed record OpeningDay(string Day, string Hours);
