using System.ComponentModel.DataAnnotations;
using WeLink.Server.Shared;

namespace WeLink.Server.Cases.Inbox;

/// <param name="StaffId">The staff member to hand the case to; null leaves it to the role.</param>
/// <param name="Role">The role whose inbox shows the case; null keeps the current one.</param>
public sealed record ReassignRequest(Guid? StaffId, [StringLength(TextLimits.Code)] string? Role);
