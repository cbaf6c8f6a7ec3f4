namespace WeLink.Server.Complaints.Api;

/// <summary>A complaint as its consumer sees it: the status is one of 已受理, 处理中, 已解决, 已关闭; internal states stay inside.</summary>
/// <param name="Id">The complaint's id (its case id).</param>
/// <param name="Category">What it is about.</param>
/// <param name="Description">What happened, as the consumer wrote it.</param>
/// <param name="Severity">The value filed, one of <c>GET /api/consumer/complaints/severities</c> (low, normal or high on a shipped definition).</param>
/// <param name="Vehicle">The vehicle, when given.</param>
/// <param name="Status">The consumer label of the state.</param>
/// <param name="Question">What staff asked, while they wait for the consumer's answer.</param>
/// <param name="CanCancel">True until staff respond.</param>
/// <param name="SurveyOpen">True while the closing survey waits for an answer.</param>
/// <param name="CreatedAt">When it was filed.</param>
/// <param name="DealerId">The dealer it was filed with.</param>
/// <param name="DealerName">That dealer's name.</param>
/// <param name="Photos">The photos filed with it, each read back at its URL by the consumer alone.</param>
/// <param name="Timeline">What the consumer may see of what happened, oldest first (<see cref="ComplaintTimeline"/>).</param>
/// <param name="SeverityLabel">What the severity reads as, in the definition version the complaint runs on (<see cref="ComplaintSeverities.LabelOf"/>).</param>
public sealed record ComplaintResponse(
    Guid Id,
    string Category,
    string Description,
    string Severity,
    string? Vehicle,
    string Status,
    string? Question,
    bool CanCancel,
    bool SurveyOpen,
    DateTimeOffset CreatedAt,
    Guid DealerId,
    string DealerName,
    IReadOnlyList<ComplaintPhoto> Photos,
    IReadOnlyList<ComplaintTimelineEntry> Timeline,
    string SeverityLabel);

/// <param name="Id">The upload's id.</param>
/// <param name="Url">Where the consumer reads it, relative to WeLink's base address.</param>
public sealed record ComplaintPhoto(Guid Id, string Url);
