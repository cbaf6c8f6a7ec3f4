namespace WeLink.Server.Tenancy;

/// <summary>An optional grouping of a brand's dealers (reports and escalations slice by it).</summary>
public sealed record Region
{
    public required Guid Id { get; init; }

    public required Guid BrandId { get; init; }

    public required string Name { get; init; }
}
