using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Admin.Pages.Brands;

/// <summary>
/// HQ's conversation settings for the brand: the reply a consumer gets at once when writing to a dealer's account
/// outside its business hours (WeLink's default until HQ sets one), audited as <c>brand.out-of-hours-reply.set</c>.
/// </summary>
public sealed class BrandConversationsModel(BrandStore brands, IConversationSettings conversations, IAuditTrail audit) : PortalPageModel
{
    [FromRoute]
    public Guid BrandId { get; set; }

    public Brand Brand { get; private set; } = null!;

    public string Reply { get; private set; } = ConversationDefaults.OutOfHoursReply;

    /// <summary>Why the reply was not saved, in Chinese; the page then shows what HQ typed.</summary>
    public string? Problem { get; private set; }

    public bool IsDefault => Reply == ConversationDefaults.OutOfHoursReply;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is not { } brand)
        {
            return NotFound();
        }

        Brand = brand;
        Reply = await conversations.OutOfHoursReplyAsync(BrandId, cancellationToken);
        return Page();
    }

    /// <summary>Saves the typed reply, or WeLink's default when HQ pressed 恢复默认回复.</summary>
    public async Task<IActionResult> OnPostAsync(string? reply, bool restore, CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is not { } brand)
        {
            return NotFound();
        }

        var text = restore ? ConversationDefaults.OutOfHoursReply : reply?.Trim() ?? "";
        if (ReplyProblem(text) is { } problem)
        {
            (Brand, Reply, Problem) = (brand, reply ?? "", problem);
            return Page();
        }

        await conversations.SetOutOfHoursReplyAsync(BrandId, text, cancellationToken);
        await audit.RecordAsync(
            User, new AuditEvent("brand.out-of-hours-reply.set", "brand", BrandId.ToString(), AuditOutcome.Succeeded, BrandId, null, $"{text.Length} 字"), cancellationToken);
        Flash = "非营业时间自动回复已保存，消费者下一次在非营业时间留言时会收到它。";
        return RedirectToPage();
    }

    private static string? ReplyProblem(string text) =>
        text.Length == 0 ? "请填写非营业时间自动回复。"
        : text.Length > ConversationDefaults.MaxOutOfHoursReply ? $"非营业时间自动回复最多 {ConversationDefaults.MaxOutOfHoursReply} 个字，现在是 {text.Length} 个字。"
        : null;
}
