namespace WeLink.Server.Cases.Engine;

/// <summary>A row of <c>cases</c> as the engine reads it inside a step's transaction.</summary>
internal sealed class CaseRow
{
    public const string Columns = """
        id AS Id, brand_id AS BrandId, dealer_id AS DealerId, definition_key AS DefinitionKey,
        definition_version AS DefinitionVersion, parameters AS Parameters, state AS State, data AS Data,
        subject_id AS SubjectId, assignee_staff_id AS AssigneeStaffId, assignee_role AS AssigneeRole,
        business_key AS BusinessKey, open_business_key AS OpenBusinessKey, timer_pause AS TimerPause,
        sla_due_at AS SlaDueAt, breached_at AS BreachedAt, version AS Version, closed_at AS ClosedAt,
        latest_input AS LatestInput, input_totals AS InputTotals
        """;

    public Guid Id { get; init; }

    public Guid BrandId { get; init; }

    public Guid DealerId { get; init; }

    public string DefinitionKey { get; init; } = "";

    public int DefinitionVersion { get; init; }

    public string Parameters { get; init; } = "";

    public string State { get; init; } = "";

    public string Data { get; init; } = "";

    public string? SubjectId { get; init; }

    public Guid? AssigneeStaffId { get; init; }

    public string? AssigneeRole { get; init; }

    public string? BusinessKey { get; init; }

    public string? OpenBusinessKey { get; init; }

    public string? TimerPause { get; init; }

    public DateTimeOffset? SlaDueAt { get; init; }

    public DateTimeOffset? BreachedAt { get; init; }

    public long Version { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The latest value of each input field the case's steps took (JSON); never mixed into <see cref="Data"/>.</summary>
    public string LatestInput { get; init; } = "{}";

    /// <summary>The running totals of the definition's accumulating input fields (JSON).</summary>
    public string InputTotals { get; init; } = "{}";
}
