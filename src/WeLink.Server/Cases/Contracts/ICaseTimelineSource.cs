namespace WeLink.Server.Cases.Contracts;

/// <summary>
/// A feature that holds part of a case's story the engine does not (the conversation a complaint was filed from): the
/// staff case page's timeline shows its entries among the case's steps, messages and notes.
/// </summary>
public interface ICaseTimelineSource
{
    /// <summary>The feature's entries for the case, empty when it holds none; the page orders them by time.</summary>
    Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(Guid caseId, CancellationToken cancellationToken);
}

/// <param name="At">When it happened.</param>
/// <param name="Kind">What it is, as the app's timeline labels it (e.g. <c>conversation</c>).</param>
/// <param name="Actor">Who: the customer's or a staff member's name, 系统 for WeLink itself.</param>
/// <param name="Text">What was said or done, as people read it.</param>
public sealed record CaseTimelineEntry(DateTimeOffset At, string Kind, string? Actor, string Text);
