using Microsoft.AspNetCore.Http.HttpResults;
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
        group.MapGet("/{conversationId:guid}", GetAsync);
        group.MapGet("/{conversationId:guid}/media/{messageId:guid}", MediaAsync);
        group.MapPost("/{conversationId:guid}/replies", ReplyAsync);
        group.MapPost("/{conversationId:guid}/invitations", InviteAsync);
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

    private static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The input was refused.",
            Detail = message,
        });
}
