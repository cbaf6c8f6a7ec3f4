using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Admin.Pages.Brands;

/// <summary>
/// A brand's keyword replies: a consumer's text to any of its dealers' accounts containing a keyword gets the reply (a
/// text, or a card opening a page of the brand's mini program) at once, and still reaches staff. HQ adds, changes and
/// removes them (audited); other admins of the brand see them.
/// </summary>
public sealed class KeywordRepliesModel(BrandStore brands, IKeywordReplies replies, IBrandMiniPrograms miniPrograms, IAuditTrail audit) : PortalPageModel
{
    [FromRoute]
    public Guid BrandId { get; set; }

    public Brand Brand { get; private set; } = null!;

    public IReadOnlyList<KeywordReply> Replies { get; private set; } = [];

    /// <summary>Null until HQ authorized one; a card needs it.</summary>
    public BrandMiniProgram? MiniProgram { get; private set; }

    /// <summary>The reply being changed (<c>?edit=</c>), or null when the form adds one.</summary>
    public Guid? EditId { get; private set; }

    /// <summary>What the form shows: the reply being changed, or what HQ typed and was refused.</summary>
    public KeywordReplyInput Form { get; private set; } = new(null, KeywordReplyKinds.Text, null, null, null);

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IEnumerable<MiniProgramPage> Pages => MiniProgramPages.Openable;

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(Guid? edit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (edit is { } id && Replies.FirstOrDefault(r => r.Id == id) is { } reply)
        {
            EditId = id;
            Form = new KeywordReplyInput(reply.Keyword, reply.Kind, reply.Text, reply.PageTitle, reply.PagePath);
        }

        return Page();
    }

    [HandlerPolicy(WeLinkPolicies.HqAdmin)]
    public async Task<IActionResult> OnPostSaveAsync(Guid? id, string? keyword, string? kind, string? text, string? pageTitle, string? pagePath, CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is null)
        {
            return NotFound();
        }

        var input = new KeywordReplyInput(keyword, kind, text, pageTitle, pagePath);
        var action = id is null ? "brand.keyword-reply.add" : "brand.keyword-reply.change";
        switch (await replies.SaveAsync(BrandId, id, input, cancellationToken))
        {
            case KeywordReplySave.Saved saved:
                await RecordAsync(action, saved.Reply.Id.ToString(), AuditOutcome.Succeeded, $"关键词“{saved.Reply.Keyword}”", cancellationToken);
                Flash = id is null ? $"已添加关键词“{saved.Reply.Keyword}”的回复。" : $"已保存关键词“{saved.Reply.Keyword}”的回复。";
                return RedirectToPage();
            case KeywordReplySave.Invalid invalid:
                await RecordAsync(action, id?.ToString() ?? input.Keyword ?? "", AuditOutcome.Refused, string.Join(" ", invalid.Errors.Values), cancellationToken);
                await LoadAsync(cancellationToken);
                (EditId, Form, Errors) = (id, input, invalid.Errors);
                return Page();
            default:
                FlashProblem = "这条关键词回复已被删除，请刷新后重试。";
                return RedirectToPage();
        }
    }

    [HandlerPolicy(WeLinkPolicies.HqAdmin)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string? keyword, CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await replies.RemoveAsync(BrandId, id, cancellationToken))
        {
            await RecordAsync("brand.keyword-reply.remove", id.ToString(), AuditOutcome.Succeeded, $"关键词“{keyword}”", cancellationToken);
            Flash = $"已删除关键词“{keyword}”的回复。";
        }
        else
        {
            FlashProblem = "这条关键词回复已被删除。";
        }

        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await brands.FindAsync(Scope, BrandId, cancellationToken) is not { } brand)
        {
            return false;
        }

        Brand = brand;
        Replies = await replies.ListAsync(BrandId, cancellationToken);
        MiniProgram = await miniPrograms.FindOfBrandAsync(BrandId, cancellationToken);
        return true;
    }

    private Task RecordAsync(string action, string targetId, string outcome, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(User, new AuditEvent(action, "keyword-reply", targetId, outcome, BrandId, null, detail), cancellationToken);
}
