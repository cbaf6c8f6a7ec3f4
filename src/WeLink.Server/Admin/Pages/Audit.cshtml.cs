using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Tenancy;

namespace WeLink.Server.Admin.Pages;

/// <summary>The audit log: every row for a platform admin, the brand's rows for HQ; dealer admins have no audit page.</summary>
public sealed class AuditModel(AuditLog audit) : PortalPageModel
{
    private const int PageSize = 200;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Entries = await audit.ListAsync(Scope, PageSize, cancellationToken);
        return Page();
    }
}
