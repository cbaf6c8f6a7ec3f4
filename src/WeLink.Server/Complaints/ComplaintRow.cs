namespace WeLink.Server.Complaints;

/// <summary>A <c>complaints</c> row: who filed which complaint case at which dealer.</summary>
public sealed class ComplaintRow
{
    public const string Columns = """
        case_id AS CaseId, brand_id AS BrandId, dealer_id AS DealerId, consumer_id AS ConsumerId, category AS Category,
        severity AS Severity, created_at AS CreatedAt
        """;

    public Guid CaseId { get; init; }

    public Guid BrandId { get; init; }

    public Guid DealerId { get; init; }

    public Guid ConsumerId { get; init; }

    public string Category { get; init; } = "";

    public string Severity { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }
}
