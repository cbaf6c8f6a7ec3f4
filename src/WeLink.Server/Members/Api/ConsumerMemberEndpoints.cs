using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Members.Cards;
using WeLink.Server.Members.Consents;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.DataRights;
using WeLink.Server.Members.Joining;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Members.Api;

/// <summary>
/// The consumer's membership at the brand of their session: who they are as a member, joining, the card with its
/// short-lived QR text, the home dealer and their consents. Every POST and PUT needs an <see cref="IdempotencyKey"/>; every
/// refusal's <c>detail</c> and <c>errors</c> are Chinese, for the pages to show as they are.
/// </summary>
public static class ConsumerMemberEndpoints
{
    private const int MaxTextVersion = 50;

    /// <summary>WeChat's phone-button codes are 32–64 characters; anything far longer was not made by the button.</summary>
    private const int MaxPhoneCode = 128;

    public static IEndpointRouteBuilder MapConsumerMemberEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/consumer/member").WithTags("Consumer: member").RequireAuthorization(WeLinkPolicies.Consumer)
            .RequireValidIdempotencyKeys();
        group.MapGet("/", GetAsync);
        group.MapPost("/join", JoinAsync);
        group.MapGet("/card", CardAsync);
        group.MapPut("/home-dealer", ChangeHomeDealerAsync);
        group.MapGet("/consents", ConsentsAsync);
        group.MapPost("/consents", DecideAsync);
        return endpoints;
    }

    public static async Task<Results<Ok<ConsumerMemberResponse>, ProblemHttpResult>> GetAsync([AsParameters] ConsumerMemberServices consumer) =>
        await consumer.MemberAsync() is { } member ? TypedResults.Ok(await consumer.ViewAsync(member)) : NoMember();

    /// <summary>
    /// Joins with the phone button's code and the consents (service granted): 202 with the member as they are now, the
    /// card following within moments as the joining case issues it (the card page asks until it is there). 400 without a
    /// code (the consumer declined the phone button) or without service consent, 409 when they have joined already. A
    /// double tap joins once: the same Idempotency-Key answers the first join.
    /// </summary>
    public static async Task<Results<Accepted<ConsumerMemberResponse>, ValidationProblem, ProblemHttpResult>> JoinAsync(
        JoinRequest request, IdempotencyKey idempotencyKey, MemberJoining joining, [AsParameters] ConsumerMemberServices consumer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(joining);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.PhoneCode))
        {
            errors["phoneCode"] = ["加入会员需要验证手机号，请点击“获取手机号”并允许。"];
        }
        else if (request.PhoneCode.Length > MaxPhoneCode)
        {
            errors["phoneCode"] = ["手机号验证已失效，请重新点击“获取手机号”。"];
        }

        var name = request.Name?.Trim();
        if (name is { Length: > MemberProfileEdits.MaxName })
        {
            errors["name"] = [$"姓名不超过 {MemberProfileEdits.MaxName} 个字。"];
        }

        var answers = Answers(request.Consents, request.TextVersion, errors);
        if (answers is not null && !answers.Any(a => a is { Purpose: ConsentPurpose.Service, Granted: true }))
        {
            errors["consents"] = ["加入会员需要同意接收服务通知。"];
        }

        if (errors.Count > 0)
        {
            return ValidationProblem(errors);
        }

        var session = consumer.Session;
        var joined = await joining.JoinAsync(
            new JoinApplication(
                session.ConsumerId, session.BrandId, session.DealerId, request.PhoneCode!, string.IsNullOrEmpty(name) ? null : name, answers!, request.TextVersion!.Trim(),
                consumer.KeyOf(idempotencyKey)),
            consumer.CancellationToken);
        return joined switch
        {
            JoinResult.Joined => await consumer.MemberAsync() is { } member ? TypedResults.Accepted("/api/consumer/member/card", await consumer.ViewAsync(member)) : NoMember(),
            JoinResult.AlreadyMember => TypedResults.Problem("您已经是会员了，可以直接查看会员卡。", statusCode: StatusCodes.Status409Conflict, title: "已是会员"),
            JoinResult.PhoneRefused refused => ValidationProblem(new() { ["phoneCode"] = [refused.Why] }),
            JoinResult.NotInMiniProgram => TypedResults.Problem("请在品牌小程序中加入会员。", statusCode: StatusCodes.Status422UnprocessableEntity, title: "无法加入"),
            JoinResult.Refused refused => TypedResults.Problem(refused.Why, statusCode: StatusCodes.Status409Conflict, title: "暂时无法加入"),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>The card with a fresh signed QR text; 409 before the member has joined (or while the card is being issued).</summary>
    public static async Task<Results<Ok<MemberCardResponse>, ProblemHttpResult>> CardAsync(MemberCardCodes codes, [AsParameters] ConsumerMemberServices consumer)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (await consumer.MemberAsync() is not { Status: MemberStatus.Member, MemberNumber: { } number } member)
        {
            return TypedResults.Problem("您还不是会员，加入后即可领取会员卡。", statusCode: StatusCodes.Status409Conflict, title: "还没有会员卡");
        }

        var (code, expiresAt) = await codes.IssueAsync(member.BrandId, number, consumer.CancellationToken);
        return TypedResults.Ok(new MemberCardResponse(
            number, member.Tier ?? "", MemberTiers.Label(member.Tier), member.Name, await consumer.HomeDealerAsync(member), code, expiresAt, MemberBenefits.Of(member.Tier)));
    }

    /// <summary>Makes another live dealer of the brand the member's home dealer (who follows up with them); 422 for any other id.</summary>
    public static async Task<Results<Ok<ConsumerMemberResponse>, ProblemHttpResult>> ChangeHomeDealerAsync(
        HomeDealerRequest request, IdempotencyKey idempotencyKey, MemberProfileEdits profile, [AsParameters] ConsumerMemberServices consumer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        _ = idempotencyKey; // Setting the same dealer twice changes nothing; the key is required as on every write.
        if (await consumer.MemberAsync() is not { } member)
        {
            return NoMember();
        }

        if (request.DealerId is not { } dealerId
            || await consumer.Dealers.FindAsync(dealerId, consumer.CancellationToken) is not { IsLive: true } dealer || dealer.BrandId != member.BrandId)
        {
            return TypedResults.Problem(
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["dealerId"] = ["请从列表中选择本品牌的经销商。"] })
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "提交的内容有误",
                    Detail = "请从列表中选择本品牌的经销商。",
                });
        }

        await profile.SetHomeDealerAsync(member.BrandId, member.Id, dealerId, MemberJoining.Channel, consumer.CancellationToken);
        return TypedResults.Ok(await consumer.ViewAsync((await consumer.MemberAsync())!));
    }

    public static async Task<Results<Ok<IReadOnlyList<ConsentResponse>>, ProblemHttpResult>> ConsentsAsync([AsParameters] ConsumerMemberServices consumer) =>
        await consumer.MemberAsync() is { } member ? TypedResults.Ok(await consumer.ConsentsAsync(member.Id)) : NoMember();

    /// <summary>Gives or withdraws consent per purpose; withdrawing is one answer like giving, and takes effect at once.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ConsentResponse>>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        ConsentsRequest request, IdempotencyKey idempotencyKey, [AsParameters] ConsumerMemberServices consumer)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = idempotencyKey; // A repeated answer records the same choice again; the one in force does not change.
        var errors = new Dictionary<string, string[]>();
        var answers = Answers(request.Consents, request.TextVersion, errors);
        if (answers is null)
        {
            return ValidationProblem(errors);
        }

        if (await consumer.MemberAsync() is not { } member)
        {
            return NoMember();
        }

        await consumer.Consents.RecordAsync(member.BrandId, member.Id, answers, MemberJoining.Channel, consumer.CancellationToken);
        return TypedResults.Ok(await consumer.ConsentsAsync(member.Id));
    }

    /// <summary>The answers, one per purpose, with the text version; null with the errors named when they are not that.</summary>
    private static List<ConsentAnswer>? Answers(IReadOnlyList<ConsentAnswerRequest>? requests, string? textVersion, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(textVersion) || textVersion.Trim().Length > MaxTextVersion)
        {
            errors["textVersion"] = ["请阅读授权条款后再提交。"];
        }

        var purposes = (requests ?? []).Select(r => ConsentPurposes.Parse(r.Purpose)).ToList();
        for (var i = 0; i < purposes.Count; i++)
        {
            if (purposes[i] is null)
            {
                errors[$"consents[{i}].purpose"] = ["没有这项授权，请从页面上的选项中选择。"];
            }
        }

        if (purposes.Count == 0 || purposes.Distinct().Count() != purposes.Count)
        {
            errors["consents"] = ["请逐项选择是否同意：服务通知、营销信息、位置信息、与品牌其他经销商共享。"];
        }

        return errors.Count > 0 ? null : [.. requests!.Select((r, i) => new ConsentAnswer(purposes[i]!.Value, r.Granted, textVersion!.Trim()))];
    }

    private static ProblemHttpResult NoMember() =>
        TypedResults.Problem("没有找到您的会员信息，请从品牌小程序重新进入。", statusCode: StatusCodes.Status404NotFound, title: "没有找到");

    /// <summary>The framework's 400 shape with a Chinese detail the page may show (its default title is English).</summary>
    private static ValidationProblem ValidationProblem(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "提交的内容有误：" + string.Join(" ", errors.Values.SelectMany(e => e)), title: "提交的内容有误");
}
