using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Members.Cards;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.Phones;
using WeLink.Server.Members.Vehicles;
using WeLink.Server.Members.View;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Members.Api;

/// <summary>
/// The customer view in the WeCom app: a member of the staff member's brand as their dealer may see them. Another brand's
/// member answers 404, as if it did not exist. Refusals carry a Chinese <c>detail</c> the app shows as it is.
/// </summary>
public static class StaffMemberEndpoints
{
    public static IEndpointRouteBuilder MapStaffMemberEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/staff/members").WithTags("Staff: members").RequireAuthorization(WeLinkPolicies.Staff);
        group.MapGet("/{memberId:guid}", GetAsync);
        group.MapPost("/scan", ScanAsync);
        group.MapPost("/{memberId:guid}/phone", ConfirmPhoneAsync);
        group.MapGet("/by-contact/{externalUserId}", ByContactAsync);
        group.MapPost("/{memberId:guid}/vehicles", AddVehicleAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> GetAsync(Guid memberId, HttpContext http, MemberViews views, CancellationToken cancellationToken) =>
        await views.GetAsync(ReaderOf(http), memberId, cancellationToken) is { } view ? TypedResults.Ok(view) : NotFound();

    /// <summary>
    /// The member whose card QR the staff member scanned: the code must be the brand's and still good (two minutes, so a
    /// screenshot shown later is refused). Expired or not the brand's (another brand's code is no code here) is 422 with
    /// <c>errors.code</c> in Chinese, the app showing it as it is.
    /// </summary>
    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> ScanAsync(
        ScanRequest request, HttpContext http, MemberCardCodes codes, MemberDirectory directory, MemberViews views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reader = ReaderOf(http);
        switch (await codes.VerifyAsync(reader.BrandId, request.Code, cancellationToken))
        {
            case CardCodeCheck.Valid valid
                when await directory.FindByNumberAsync(reader.BrandId, valid.MemberNumber, cancellationToken) is { } record
                    && await views.GetAsync(reader, record.Id, cancellationToken) is { } view:
                return TypedResults.Ok(view);
            case CardCodeCheck.Expired:
                return Invalid("code", "会员码已过期，请让客户刷新后重新出示。");
            default:
                return Invalid("code", "会员码无效，请让客户出示本品牌小程序里的会员码。");
        }
    }

    /// <summary>
    /// Links a phone the customer confirms in front of the staff member (source <c>staff:&lt;id&gt;</c>); a number another
    /// record of the brand holds merges the two, and the answer is the kept member's view. Not a mainland mobile is 422.
    /// </summary>
    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> ConfirmPhoneAsync(
        Guid memberId, PhoneRequest request, HttpContext http, MemberPhones phones, MemberViews views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reader = ReaderOf(http);
        if (await views.GetAsync(reader, memberId, cancellationToken) is not { } member)
        {
            return NotFound();
        }

        return await phones.ConfirmAsync(reader.BrandId, member.Id, request.Phone ?? "", $"staff:{StaffId(http)}", cancellationToken) switch
        {
            PhoneConfirmation.Confirmed confirmed when await views.GetAsync(reader, confirmed.MemberId, cancellationToken) is { } kept => TypedResults.Ok(kept),
            PhoneConfirmation.InvalidPhone => Invalid("phone", "请输入有效的中国大陆手机号。"),
            _ => NotFound(),
        };
    }

    /// <summary>
    /// The chat-toolbar page's member: through the external-contact identity WeCom's push linked, else through the
    /// consumers whose unionid a conversion found to be the contact (<see cref="IExternalContacts"/>); 404 when the contact is no member of the brand,
    /// 409 when WeCom cannot be asked (WeLink's app is not installed in the dealer's corp).
    /// </summary>
    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> ByContactAsync(
        string externalUserId, HttpContext http, MemberRows rows, MemberViews views, IExternalContacts contacts, CancellationToken cancellationToken)
    {
        var reader = ReaderOf(http);
        var dealerId = reader.DealerId!.Value;
        var memberId = await rows.FindByContactAsync(reader.BrandId, dealerId, externalUserId, [], cancellationToken);
        if (memberId is null)
        {
            var lookup = await contacts.FindAsync(reader.BrandId, dealerId, externalUserId, cancellationToken);
            if (lookup.Outcome == ExternalContactOutcome.CorpNotInstalled)
            {
                return TypedResults.Problem("本店的企业微信未安装 WeLink 应用，请联系管理员重新安装。", statusCode: StatusCodes.Status409Conflict);
            }

            var consumers = lookup.Contact?.Consumers.Select(c => c.ConsumerId).ToList() ?? [];
            memberId = await rows.FindByContactAsync(reader.BrandId, dealerId, externalUserId, consumers, cancellationToken);
        }

        return memberId is { } id && await views.GetAsync(reader, id, cancellationToken) is { } view ? TypedResults.Ok(view) : NotFound();
    }

    /// <summary>Records a vehicle for the member as the staff member's dealer's, its source the staff member; 201 with the member's view.</summary>
    private static async Task<Results<Created<MemberView>, ProblemHttpResult>> AddVehicleAsync(
        Guid memberId, VehicleRequest request, HttpContext http, MemberViews views, MemberVehicles vehicles, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reader = ReaderOf(http);
        var (input, errors) = VehicleRules.Check(request, DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime));
        if (input is null)
        {
            return Invalid(errors);
        }

        if (await views.GetAsync(reader, memberId, cancellationToken) is not { } member)
        {
            return NotFound();
        }

        await vehicles.AddAsync(reader.BrandId, member.Id, reader.DealerId!.Value, input, $"staff:{StaffId(http)}", cancellationToken);
        return TypedResults.Created($"/api/staff/members/{member.Id}", (await views.GetAsync(reader, member.Id, cancellationToken))!);
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

    private static ProblemHttpResult NotFound() => TypedResults.Problem("没有找到这位会员。", statusCode: StatusCodes.Status404NotFound);

    private static TenantScope Session(HttpContext http) =>
        TenantScope.From(http.User, SessionKind.Staff) ?? throw new InvalidOperationException("A staff session carries no WeLink subject.");

    private static Guid StaffId(HttpContext http) => Session(http).SubjectId;

    private static MemberReader ReaderOf(HttpContext http)
    {
        var session = Session(http);
        return MemberReader.Staff(
            session.BrandId ?? throw new InvalidOperationException("A staff session carries no brand."),
            session.DealerId ?? throw new InvalidOperationException("A staff session carries no dealer."));
    }
}

/// <summary>The text the staff member's scanner read from a member card's QR code.</summary>
public sealed record ScanRequest(string? Code);

/// <summary>A mobile number the customer confirmed in front of the staff member, in any written form (+86, spaces, dashes).</summary>
public sealed record PhoneRequest(string? Phone);
