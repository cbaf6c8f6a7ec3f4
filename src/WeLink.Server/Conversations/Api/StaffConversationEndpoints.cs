using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Complaints.Contracts;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Conversations.Api;

/// <summary>
/// Conversations with consumers, for every staff member of the conversation's dealer (the duty role only decides who is
/// told of a new one). Another dealer's conversation answers 404, as if it did not exist. Every POST needs an
/// <see cref="IdempotencyKey"/>: a repeated key answers what the first request answered and sends nothing again.
/// Refusals carry a <c>reason</c> and a Chinese <c>detail</c> the app shows as it is.
/// </summary>
public static class StaffConversationEndpoints
{
    public const int MaxReply = 600;

    public static IEndpointRouteBuilder MapStaffConversationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/staff/conversations").WithTags("Staff: conversations").RequireAuthorization(WeLinkPolicies.Staff)
            .RequireValidIdempotencyKeys();
        group.MapGet("/", ListAsync);
        group.MapGet("/complaint-categories", ComplaintCategoriesAsync);
        group.MapGet("/{conversationId:guid}", GetAsync);
        group.MapGet("/{conversationId:guid}/media/{messageId:guid}", MediaAsync);
        group.MapPost("/{conversationId:guid}/replies", ReplyAsync);
        group.MapPost("/{conversationId:guid}/invitations", InviteAsync);
        group.MapPost("/{conversationId:guid}/complaint", FileComplaintAsync);
        group.MapPost("/{conversationId:guid}/close", CloseAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<ConversationSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] StaffConversationServices staff, string view = "open")
    {
        if (view is not ("open" or "all"))
        {
            return TypedResults.Problem("view 只能是 open 或 all。", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await staff.View.ListAsync(staff.DealerId, includeClosed: view == "all", staff.CancellationToken));
    }

    private static async Task<Results<Ok<ConversationResponse>, NotFound>> GetAsync(Guid conversationId, [AsParameters] StaffConversationServices staff) =>
        await staff.FindAsync(conversationId) is { } conversation
            ? TypedResults.Ok(await staff.View.GetAsync(conversation, staff.CancellationToken))
            : TypedResults.NotFound();

    /// <summary>A picture's or voice's bytes, as WeChat gave them; 404 for a text, a foreign message, or media WeChat no longer has.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> MediaAsync(
        Guid conversationId, Guid messageId, ConversationMedia media, [AsParameters] StaffConversationServices staff)
    {
        if (await staff.FindAsync(conversationId) is not { } conversation
            || (await staff.Store.MessagesAsync(conversationId, staff.CancellationToken)).FirstOrDefault(m => m.Id == messageId) is not { } message
            || await media.GetAsync(conversation, message, staff.CancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(file.Bytes.ToArray(), file.ContentType);
    }

    /// <summary>Sends a customer-service message from the dealer's account; refused with nothing sent outside WeChat's 48-hour window.</summary>
    private static async Task<Results<Created<SentResponse>, NotFound, ProblemHttpResult>> ReplyAsync(
        Guid conversationId, ReplyRequest request, IdempotencyKey idempotencyKey, ConversationReplies replies, [AsParameters] StaffConversationServices staff)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxReply)
        {
            return Invalid("text", $"回复内容需为 1 到 {MaxReply} 个字。");
        }

        if (await staff.FindAsync(conversationId) is not { } conversation)
        {
            return TypedResults.NotFound();
        }

        return await replies.ReplyAsync(conversation, staff.KeyOf(idempotencyKey, conversationId, "reply"), staff.StaffId, text, staff.CancellationToken) switch
        {
            ReplyResult.Written written => TypedResults.Created(
                $"/api/staff/conversations/{conversationId}", new SentResponse(written.Message.Id, written.Message.Delivery ?? MessageDelivery.Pending)),
            ReplyResult.WindowClosed closed => ConversationProblems.WindowClosed(closed.ClosedAt),
            _ => ConversationProblems.Closed(),
        };
    }

    /// <summary>A template message inviting the consumer back, for when the 48-hour window has closed; one a day per conversation.</summary>
    private static async Task<Results<Created<SentResponse>, NotFound, ProblemHttpResult>> InviteAsync(
        Guid conversationId, IdempotencyKey idempotencyKey, ConversationInvitations invitations, [AsParameters] StaffConversationServices staff)
    {
        if (await staff.FindAsync(conversationId) is not { } conversation)
        {
            return TypedResults.NotFound();
        }

        return await invitations.InviteAsync(conversation, staff.KeyOf(idempotencyKey, conversationId, "invite"), staff.StaffId, staff.CancellationToken) switch
        {
            InvitationResult.Written written => TypedResults.Created(
                $"/api/staff/conversations/{conversationId}", new SentResponse(written.Message.Id, written.Message.Delivery ?? MessageDelivery.Pending)),
            _ => ConversationProblems.InvitedToday(),
        };
    }

    /// <summary>
    /// 转为投诉: files a complaint for the consumer at this dealer through the complaint filing every complaint takes, the
    /// consumer's messages its description unless staff wrote one; the conversation's messages show on the case page.
    /// A conversation becomes one complaint: another request answers 409 <c>AlreadyFiled</c> with the case. The category
    /// must be one of the brand's (<c>GET …/complaint-categories</c>), else 422 <c>errors.category</c>.
    /// </summary>
    private static async Task<Results<Created<FiledResponse>, NotFound, ProblemHttpResult>> FileComplaintAsync(
        Guid conversationId, ComplaintRequest request, IdempotencyKey idempotencyKey, ConversationComplaints complaints, [AsParameters] StaffConversationServices staff)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Check(request) is { Count: > 0 } errors)
        {
            return Invalid(errors);
        }

        if (await staff.FindAsync(conversationId) is not { } conversation)
        {
            return TypedResults.NotFound();
        }

        var complaint = new ConversationComplaint(
            request.Category!.Trim(), request.Severity!, string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim());
        return await complaints.FileAsync(conversation, complaint, staff.Actor, staff.KeyOf(idempotencyKey, conversationId, "complaint"), staff.CancellationToken) switch
        {
            ConversationComplaintResult.Filed filed => TypedResults.Created($"/api/staff/cases/{filed.CaseId}", new FiledResponse(filed.CaseId)),
            ConversationComplaintResult.AlreadyFiled earlier => ConversationProblems.AlreadyFiled(earlier.CaseId),
            ConversationComplaintResult.Closed => ConversationProblems.ClosedForComplaint(),
            ConversationComplaintResult.DealerNotLinked => ConversationProblems.DealerNotLinked(),
            ConversationComplaintResult.CategoryNotOffered => Invalid("category", "请从本品牌的投诉类别中选择。"),
            _ => ConversationProblems.NotFiled(),
        };
    }

    /// <summary>The categories 转为投诉 offers: the brand's list, the one a consumer picks from and every filing is held to.</summary>
    private static async Task<Ok<IReadOnlyList<ComplaintOption>>> ComplaintCategoriesAsync(IComplaintFiling filing, [AsParameters] StaffConversationServices staff) =>
        TypedResults.Ok(await filing.CategoriesAsync(staff.BrandId, staff.CancellationToken));

    private static Dictionary<string, string[]> Check(ComplaintRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Category) || request.Category.Trim().Length > ComplaintLimits.Category)
        {
            errors["category"] = [$"请填写投诉类别，不超过 {ComplaintLimits.Category} 个字。"];
        }

        if (request.Severity is null || !ComplaintLimits.Severities.Contains(request.Severity))
        {
            errors["severity"] = ["紧急程度只能是 low、normal 或 high。"];
        }

        return errors;
    }

    /// <summary>Closes the conversation; closing a closed one changes nothing. The consumer's next message opens a new one.</summary>
    private static async Task<Results<Ok<ClosedResponse>, NotFound>> CloseAsync(
        Guid conversationId, IdempotencyKey idempotencyKey, [AsParameters] StaffConversationServices staff)
    {
        // Closing twice is closing once, so the key needs no record; it is required of every POST all the same.
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        if (await staff.FindAsync(conversationId) is null)
        {
            return TypedResults.NotFound();
        }

        await staff.Store.CloseAsync(conversationId, staff.CancellationToken);
        return TypedResults.Ok(new ClosedResponse(conversationId, ConversationStatus.Closed));
    }

    private static ProblemHttpResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>422 with each refused field's Chinese reason, the first of them as the <c>detail</c>.</summary>
    private static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The input was refused.",
            Detail = errors.First().Value[0],
        });
}
