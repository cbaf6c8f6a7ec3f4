namespace WeLink.Server.Tenancy.Contracts;

/// <summary>
/// What happened, to what, and how it ended. <see cref="BrandId"/> and <see cref="DealerId"/> place the
/// row in a tenant (HQ admins list their brand's rows); leave them null for platform-wide events.
/// </summary>
/// <param name="Action">Dotted verb, e.g. <c>dealer.approve</c>, <c>admin.sign-in</c>.</param>
/// <param name="TargetType">e.g. <c>dealer</c>, <c>brand</c>, <c>admin-user</c>.</param>
/// <param name="TargetId">The target's id, or what names it when it has none yet (a refused brand's name).</param>
/// <param name="Outcome">One of <see cref="AuditOutcome"/>.</param>
/// <param name="BrandId">The brand the row belongs to, if any.</param>
/// <param name="DealerId">The dealer the row belongs to, if any.</param>
/// <param name="Detail">A short reason a person can read; never a secret.</param>
public sealed record AuditEvent(
    string Action,
    string TargetType,
    string TargetId,
    string Outcome,
    Guid? BrandId = null,
    Guid? DealerId = null,
    string? Detail = null);
