namespace WeLink.Server.Onboarding;

/// <summary>A row of <c>official_account_links</c> or <c>wecom_links</c>: SubjectId is the appid or corpid.</summary>
public sealed record LinkRecord(Guid DealerId, string SubjectId, string SubjectName, string Status, string? StatusReason, DateTimeOffset UpdatedAt)
{
    public const string ActiveStatus = "active";
    public const string SuspendedStatus = "suspended";

    public bool IsActive => Status == ActiveStatus;
}
