namespace WeLink.Server.Identities;

/// <summary>
/// How many filings (a complaint, later a booking) one consumer may make in a window before being asked to wait (section
/// <c>RateLimits:ConsumerFilings</c>). Each filing becomes work for a dealer's staff, so one consumer must not be able to
/// bury them; a person filing in earnest stays far below the limit.
/// </summary>
public sealed class ConsumerFilingOptions
{
    public const string SectionName = "RateLimits:ConsumerFilings";

    public int PermitLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}
