using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Callbacks;

namespace WeLink.Server.Admin.Pages;

/// <summary>
/// Callback events that failed every try and were parked, with their errors, for platform admins: the inbox never drops
/// an event silently, so this is where one that could not be processed shows up, and where it is sent round again.
/// </summary>
public sealed class InboxModel(InboxStore inbox) : PortalPageModel
{
    private const int PageSize = 100;

    public IReadOnlyList<InboxEntryView> Parked { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (RefuseUnless(IsPlatform) is { } refused)
        {
            return refused;
        }

        var page = await inbox.ListAsync(InboxStatus.Parked, 1, PageSize, cancellationToken);
        Parked = page.Items;
        HasMore = page.HasMore;
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (RefuseUnless(IsPlatform) is { } refused)
        {
            return refused;
        }

        if (await inbox.Work.RetryAsync(id, cancellationToken))
        {
            Flash = "The event goes round again.";
        }
        else
        {
            FlashProblem = "That event is no longer parked.";
        }

        return RedirectToPage();
    }
}
