using System.Security.Claims;
using WeLink.Server.Shared;

namespace WeLink.Server.Calendars.Contracts;

/// <summary>
/// A dealer's business hours as the portal's dealer page shows and edits them. The admin's scope is checked here (a dealer
/// outside it is not found), and the form is read and refused exactly as the calendar API reads its request.
/// </summary>
public interface IDealerHoursForms
{
    /// <summary>Null when the dealer is not within the admin's scope.</summary>
    Task<DealerHoursForm?> FindAsync(ClaimsPrincipal admin, Guid dealerId, CancellationToken cancellationToken);

    /// <summary>Saves the form if the calendar is still at <paramref name="version"/>; every problem of the form is named at once.</summary>
    Task<AdminResult<DealerHoursForm>> SaveAsync(ClaimsPrincipal admin, Guid dealerId, CalendarFormText form, int version, CancellationToken cancellationToken);
}

/// <summary>The form's text, the version it was read at, whether the dealer recorded hours yet, and the brand's holidays as lines.</summary>
public sealed record DealerHoursForm(CalendarFormText Text, int Version, bool Recorded, IReadOnlyList<string> BrandHolidays);
