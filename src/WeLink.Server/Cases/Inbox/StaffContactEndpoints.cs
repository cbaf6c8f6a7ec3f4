using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Cases.Inbox;

/// <summary>
/// <c>GET /api/staff/contacts/{externalUserId}</c>, the staff app's chat-toolbar page: who the WeCom external contact of
/// the chat is to the session's dealer, and their cases here as inbox rows. It lives beside the inbox because its rows
/// are the inbox's; who the contact is comes from Identities (<see cref="IExternalContacts"/>).
/// </summary>
public static class StaffContactEndpoints
{
    public static IEndpointRouteBuilder MapStaffContactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/staff/contacts").WithTags("Staff: cases").RequireAuthorization(WeLinkPolicies.Staff)
            .MapGet("/{externalUserId}", GetAsync);
        return endpoints;
    }

    /// <summary>
    /// The contact is linked when the unionid WeCom gives for them is a consumer of this dealer (the one they came
    /// through, or one with a case here); a contact the dealer's corp does not have is not found.
    /// </summary>
    private static async Task<Results<Ok<StaffContactResponse>, ProblemHttpResult>> GetAsync(
        string externalUserId, HttpContext http, IExternalContacts contacts, StaffInboxStore inbox, CancellationToken cancellationToken)
    {
        var session = TenantScope.From(http.User, SessionKind.Staff)
            ?? throw new InvalidOperationException("A staff session carries no WeLink subject.");
        var (brandId, dealerId) = (session.BrandId!.Value, session.DealerId!.Value);
        var lookup = await contacts.FindAsync(brandId, dealerId, externalUserId, cancellationToken);
        if (lookup.Contact is not { } contact)
        {
            return lookup.Outcome == ExternalContactOutcome.CorpNotInstalled
                ? TypedResults.Problem("本店的企业微信未安装 WeLink 应用，请联系管理员重新安装。", statusCode: StatusCodes.Status409Conflict)
                : TypedResults.Problem("本店企业微信里没有这位客户。", statusCode: StatusCodes.Status404NotFound);
        }

        var cases = await inbox.ListOfCustomersAsync(session, [.. contact.Consumers.Select(c => c.ConsumerId)], cancellationToken);
        var customer = contact.Consumers.FirstOrDefault(c => c.DealerId == dealerId)
            ?? contact.Consumers.FirstOrDefault(c => cases.Any(row => row.Customer.ConsumerId == c.ConsumerId));
        return TypedResults.Ok(new StaffContactResponse(
            contact.ExternalUserId,
            contact.Name,
            customer is not null,
            customer is null ? null : new CaseCustomer(customer.ConsumerId, customer.Name),
            cases));
    }
}

/// <summary>The chat-toolbar page: the contact's name in WeCom, the consumer they are at this dealer (when linked) and their cases here.</summary>
public sealed record StaffContactResponse(
    string ExternalUserId, string? Name, bool Linked, CaseCustomer? Customer, IReadOnlyList<CaseSummary> Cases);
