using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Members.DataRights;
using WeLink.Server.Members.Joining;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Members.Api;

/// <summary>
/// The member's data page (我的数据): see and correct their profile, download a copy of everything, delete it all.
/// Deletion needs <c>confirm: true</c> and cannot be undone; afterwards the session's consumer has no member any more.
/// </summary>
public static class ConsumerDataRightsEndpoints
{
    public static IEndpointRouteBuilder MapConsumerDataRightsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/consumer/member").WithTags("Consumer: member data").RequireAuthorization(WeLinkPolicies.Consumer)
            .RequireValidIdempotencyKeys();
        group.MapGet("/profile", ProfileAsync);
        group.MapPut("/profile", CorrectAsync);
        group.MapGet("/export", ExportAsync);
        group.MapPost("/delete", DeleteAsync);
        return endpoints;
    }

    public static async Task<Results<Ok<MemberProfileResponse>, ProblemHttpResult>> ProfileAsync([AsParameters] ConsumerMemberServices consumer) =>
        await consumer.MemberAsync() is { } member ? TypedResults.Ok(await ProfileOfAsync(member, consumer)) : NoMember();

    /// <summary>Corrects the member's name; the change is kept in the profile history with its source.</summary>
    public static async Task<Results<Ok<MemberProfileResponse>, ValidationProblem, ProblemHttpResult>> CorrectAsync(
        ProfileCorrection request, MemberProfileEdits profile, [AsParameters] ConsumerMemberServices consumer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MemberProfileEdits.MaxName)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["name"] = [$"请填写姓名，不超过 {MemberProfileEdits.MaxName} 个字。"] }, detail: "请填写姓名。", title: "提交的内容有误");
        }

        if (await consumer.MemberAsync() is not { } member)
        {
            return NoMember();
        }

        await profile.SetNameAsync(member.BrandId, member.Id, name, MemberJoining.Channel, consumer.CancellationToken);
        return TypedResults.Ok(await ProfileOfAsync((await consumer.MemberAsync())!, consumer));
    }

    /// <summary>Everything WeLink holds about the member, as a JSON file to save; the export itself is recorded.</summary>
    public static async Task<Results<JsonHttpResult<MemberDataExport>, ProblemHttpResult>> ExportAsync(
        HttpContext context, MemberDataRights rights, [AsParameters] ConsumerMemberServices consumer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rights);
        if (await consumer.MemberAsync() is not { } member)
        {
            return NoMember();
        }

        var export = await rights.ExportAsync(member, MemberJoining.Channel, consumer.CancellationToken);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"member-data-{export.ExportedAt:yyyyMMdd}.json\"";
        return TypedResults.Json(export, ConsumerMembersJsonContext.Default.MemberDataExport);
    }

    /// <summary>Deletes (anonymises) the member's data for good; 422 unless the page confirmed it.</summary>
    public static async Task<Results<Ok<DeletionResponse>, ProblemHttpResult>> DeleteAsync(
        DeletionRequest request, IdempotencyKey idempotencyKey, MemberDataRights rights, [AsParameters] ConsumerMemberServices consumer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rights);
        _ = idempotencyKey; // A repeated deletion finds no member and answers 404: nothing is left to delete.
        if (request.Confirm is not true)
        {
            return TypedResults.Problem(
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["confirm"] = ["删除后无法恢复，请确认后再提交。"] })
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "需要确认",
                    Detail = "删除后无法恢复，请确认后再提交。",
                });
        }

        if (await consumer.MemberAsync() is not { } member)
        {
            return NoMember();
        }

        await rights.DeleteAsync(member, MemberJoining.Channel, consumer.CancellationToken);
        return TypedResults.Ok(new DeletionResponse("您的个人信息已删除，会员资格已注销。"));
    }

    private static async Task<MemberProfileResponse> ProfileOfAsync(MemberRecord member, ConsumerMemberServices consumer) =>
        new(member.Name, member.PhoneMasked, await consumer.HomeDealerAsync(member),
            [.. (await consumer.Directory.ProfileChangesAsync(member.Id, consumer.CancellationToken)).Select(c => new ProfileChangeResponse(c.Field, c.Value, c.Source, c.ChangedAt))]);

    private static ProblemHttpResult NoMember() =>
        TypedResults.Problem("没有找到您的会员信息，请从品牌小程序重新进入。", statusCode: StatusCodes.Status404NotFound, title: "没有找到");
}

/// <summary>The member's profile as they may correct it, with each change's source (the phone only masked).</summary>
public sealed record MemberProfileResponse(string? Name, string? Phone, HomeDealerResponse HomeDealer, IReadOnlyList<ProfileChangeResponse> History);

public sealed record ProfileChangeResponse(string Field, string? Value, string Source, DateTimeOffset ChangedAt);

public sealed record ProfileCorrection(string? Name);

public sealed record DeletionRequest(bool? Confirm);

public sealed record DeletionResponse(string Message);
