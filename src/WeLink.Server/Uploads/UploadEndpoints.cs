using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Uploads;

/// <summary>
/// Photos: a consumer uploads them before filing and reads back only their own; staff read the photos of their dealer's
/// cases. Anyone else's photo, an unattached one for staff, and an unknown id all answer the same bare 404.
/// </summary>
public static class UploadEndpoints
{
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value;
        var consumer = endpoints.MapGroup("/api/consumer/uploads").WithTags("Consumer: uploads").RequireAuthorization(WeLinkPolicies.Consumer);

        // The server stops reading past this size (413) instead of the 1 MB every other request gets.
        consumer.MapPost("/", (HttpRequest request, ConsumerSession session, PhotoIntake intake, CancellationToken cancellationToken) =>
                intake.TakeAsync(request, session, cancellationToken))
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBytes + PhotoIntake.MultipartAllowance));
        consumer.MapGet("/{photoId:guid}", GetOwnAsync);
        endpoints.MapGet("/api/staff/uploads/{photoId:guid}", GetOfDealerCaseAsync).WithTags("Staff: uploads").RequireAuthorization(WeLinkPolicies.Staff);
        return endpoints;
    }

    private static async Task<IResult> GetOwnAsync(
        Guid photoId, ConsumerSession session, UploadStore uploads, IUploadStorage storage, HttpResponse response, CancellationToken cancellationToken) =>
        await ServeAsync(await uploads.FindOwnAsync(photoId, session.ConsumerId, cancellationToken), storage, response, cancellationToken);

    private static async Task<IResult> GetOfDealerCaseAsync(
        Guid photoId, HttpContext http, UploadStore uploads, IUploadStorage storage, CancellationToken cancellationToken)
    {
        var dealerId = TenantScope.From(http.User, SessionKind.Staff)?.DealerId;
        var upload = dealerId is { } dealer ? await uploads.FindOfDealerCaseAsync(photoId, dealer, cancellationToken) : null;
        return await ServeAsync(upload, storage, http.Response, cancellationToken);
    }

    /// <summary>
    /// The bytes with the type detected at upload, which the browser must not second-guess (<c>nosniff</c>); a photo
    /// never changes, so the reader's own cache may keep it.
    /// </summary>
    private static async Task<IResult> ServeAsync(UploadRow? upload, IUploadStorage storage, HttpResponse response, CancellationToken cancellationToken)
    {
        if (upload is null || await storage.OpenAsync(upload.Id, cancellationToken) is not { } content)
        {
            return TypedResults.NotFound();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, max-age=86400";
        return TypedResults.Stream(content, upload.ContentType);
    }
}
