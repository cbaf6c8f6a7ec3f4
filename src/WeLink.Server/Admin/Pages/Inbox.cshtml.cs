using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Callbacks;
using WeLink.Server.Cases.Outbox;
using WeLink.Server.Data.Queues;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Admin.Pages;

/// <summary>
/// Background work that failed, for platform admins: callback events that failed every try and were parked, and outbox
/// deliveries whose last attempt failed (parked, or still to be tried again). Neither queue drops work silently, so this
/// is where work that could not be done shows up with its error, and where it is sent round again (audited).
/// </summary>
public sealed class InboxModel(
    InboxStore inbox,
    OutboxStore outbox,
    AuditLog audit,
    WorkSignal<InboxDispatcher> inboxSignal,
    WorkSignal<OutboxDispatcher> outboxSignal) : PortalPageModel
{
    private const int PageSize = 100;

    public IReadOnlyList<InboxEntryView> Parked { get; private set; } = [];

    public IReadOnlyList<OutboxItem> Failing { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await inbox.ListAsync(InboxStatus.Parked, 1, PageSize, cancellationToken);
        Parked = page.Items;
        HasMore = page.HasMore;
        Failing = await outbox.FailingAsync(PageSize, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken) =>
        RetriedAsync(
            () => audit.RetryAsync(inbox.Work, inboxSignal, "inbox", id, User, cancellationToken),
            "事件已重新排队处理。",
            "该事件已不在搁置中。");

    public Task<IActionResult> OnPostRetryDeliveryAsync(Guid id, CancellationToken cancellationToken) =>
        RetriedAsync(
            () => audit.RetryAsync(outbox.Work, outboxSignal, "outbox", id, User, cancellationToken),
            "投递已重新排队。",
            "该投递已不再失败。");

    private async Task<IActionResult> RetriedAsync(Func<Task<bool>> retry, string done, string gone)
    {
        if (await retry())
        {
            Flash = done;
        }
        else
        {
            FlashProblem = gone;
        }

        return RedirectToPage();
    }
}
