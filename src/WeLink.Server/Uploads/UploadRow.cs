namespace WeLink.Server.Uploads;

/// <summary>An <c>uploads</c> row: whose photo, of what type, and the case it belongs to once filed.</summary>
public sealed class UploadRow
{
    public const string Columns = """
        id AS Id, consumer_id AS ConsumerId, dealer_id AS DealerId, content_type AS ContentType, size_bytes AS SizeBytes,
        sha256 AS Sha256, created_at AS CreatedAt, case_id AS CaseId, attached_at AS AttachedAt
        """;

    public Guid Id { get; init; }

    public Guid ConsumerId { get; init; }

    public Guid DealerId { get; init; }

    public string ContentType { get; init; } = "";

    public long SizeBytes { get; init; }

    /// <summary>Hex SHA-256 of the bytes: shows a duplicate or a storage fault without reading the photo.</summary>
    public string Sha256 { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public Guid? CaseId { get; init; }

    public DateTimeOffset? AttachedAt { get; init; }
}
