using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Complaints.Contracts;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Uploads.Contracts;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Complaints.Api;

/// <summary>
/// The consumer's complaints at the dealer of their session. The engine places every case in the consumer's
/// <see cref="CaseScope"/>: another consumer's complaint answers 404, as if it did not exist. Steps answer as every
/// case step does (<see cref="CaseResultHttp"/>): 409 when the case moved first, 422 when the process does not allow
/// the step now (cancelling after staff responded, answering twice). Every POST needs an <see cref="IdempotencyKey"/>.
/// Every refusal's <c>detail</c> and <c>errors</c> are Chinese, for the consumer's pages to show as they are.
/// </summary>
public static class ConsumerComplaintEndpoints
{
    private const int MaxDescription = ComplaintLimits.Description;
    private const int MaxVehicle = 50;
    private const int MaxAnswer = 2000;
    private const int MaxPhotos = 6;
    private const string CategoryNotOffered = "请从列表中选择投诉类别。";

    public static IEndpointRouteBuilder MapConsumerComplaintEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/consumer/complaints").WithTags("Consumer: complaints").RequireAuthorization(WeLinkPolicies.Consumer)
            .RequireValidIdempotencyKeys();
        group.MapPost("/", FileAsync).RequireRateLimiting(ConsumerFilingLimit.Policy);
        group.MapGet("/", ListAsync);
        group.MapGet("/categories", CategoriesAsync);
        group.MapGet("/severities", SeveritiesAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/information", ProvideInformationAsync);
        group.MapPost("/{id:guid}/cancel", CancelAsync);
        group.MapPost("/{id:guid}/survey", AnswerSurveyAsync);
        return endpoints;
    }

    /// <summary>
    /// Files a complaint: its case, its <c>complaints</c> row and its photos attached, in one transaction; a photo that
    /// is not the consumer's own unattached upload refuses the whole filing (422 <c>errors.photoIds</c>) with nothing
    /// kept. The Idempotency-Key makes a double click or a retry file it once, its photos attached once. The category
    /// must be one the brand's complaint definition offers, which the filing checks (400 <c>errors.category</c>), and the
    /// severity one it lists (<see cref="ComplaintSeverities"/>).
    /// </summary>
    public static async Task<Results<Created<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> FileAsync(
        FileComplaintRequest request,
        IdempotencyKey idempotencyKey,
        IComplaintFiling filing,
        ICasePhotos photos,
        ComplaintSeverities severities,
        [AsParameters] ConsumerComplaintServices consumer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(severities);
        var session = consumer.Session;
        if (Validate(request, await severities.OfBrandAsync(session.BrandId, consumer.CancellationToken)) is { Count: > 0 } errors)
        {
            return ValidationProblem(errors);
        }

        var filed = await filing.FileAsync(
            new NewComplaint(
                session.BrandId, session.DealerId, session.ConsumerId, request.Category!.Trim(), request.Severity!, request.Description!.Trim(),
                string.IsNullOrWhiteSpace(request.Vehicle) ? null : request.Vehicle.Trim(), Actor.Consumer(session.ConsumerId.ToString()), consumer.KeyOf(idempotencyKey),
                request.PhotoIds is { Count: > 0 } photoIds ? @case => photos.Attach(@case, session.ConsumerId, session.DealerId, photoIds) : null),
            consumer.CancellationToken);
        if (filed is not ComplaintFilingResult.Filed moved)
        {
            return filed switch
            {
                ComplaintFilingResult.CategoryNotOffered => ValidationProblem(new() { ["category"] = [CategoryNotOffered] }),
                ComplaintFilingResult.DealerNotLinked notLinked => TypedResults.Problem(
                    $"这家经销商暂时无法受理投诉：{notLinked.Why}", statusCode: StatusCodes.Status409Conflict),
                ComplaintFilingResult.AlsoWriteRefused => Unprocessable("photoIds", "照片无效：只能使用您自己刚上传、还没有随投诉提交过的照片，请重新选择。"),
                ComplaintFilingResult.Refused refused => TypedResults.Problem(Describe(refused.Result), statusCode: StatusCodes.Status409Conflict),
                _ => throw new UnreachableException(),
            };
        }

        var view = await consumer.Views.ViewAsync(moved.CaseId, consumer.Scope, consumer.CancellationToken);
        return TypedResults.Created($"/api/consumer/complaints/{moved.CaseId}", view);
    }

    public static async Task<Ok<IReadOnlyList<ComplaintResponse>>> ListAsync([AsParameters] ConsumerComplaintServices consumer)
    {
        var list = new List<ComplaintResponse>();
        foreach (var complaint in await consumer.Store.ListAsync(consumer.Session.ConsumerId, consumer.Session.DealerId, consumer.CancellationToken))
        {
            if (await consumer.Views.ViewAsync(complaint.CaseId, consumer.Scope, consumer.CancellationToken) is { } view)
            {
                list.Add(view);
            }
        }

        return TypedResults.Ok<IReadOnlyList<ComplaintResponse>>(list);
    }

    /// <summary>The categories the filing page offers, as the brand's complaint definition lists them.</summary>
    public static async Task<Ok<IReadOnlyList<ComplaintCategory>>> CategoriesAsync(ComplaintCategories categories, [AsParameters] ConsumerComplaintServices consumer)
    {
        ArgumentNullException.ThrowIfNull(categories);
        return TypedResults.Ok(await categories.OfBrandAsync(consumer.Session.BrandId, consumer.CancellationToken));
    }

    /// <summary>The severities the filing page offers, with the labels every page shows, as the brand's complaint definition lists them.</summary>
    public static async Task<Ok<IReadOnlyList<ComplaintSeverity>>> SeveritiesAsync(ComplaintSeverities severities, [AsParameters] ConsumerComplaintServices consumer)
    {
        ArgumentNullException.ThrowIfNull(severities);
        return TypedResults.Ok(await severities.OfBrandAsync(consumer.Session.BrandId, consumer.CancellationToken));
    }

    public static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> GetAsync(Guid id, [AsParameters] ConsumerComplaintServices consumer) =>
        await consumer.Views.ViewAsync(id, consumer.Scope, consumer.CancellationToken) is { } view ? TypedResults.Ok(view) : NotFound();

    /// <summary>Answers what staff asked; only while they wait for it.</summary>
    public static Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> ProvideInformationAsync(
        Guid id, ProvideInformationRequest request, IdempotencyKey idempotencyKey, [AsParameters] ConsumerComplaintServices consumer)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Length > MaxAnswer)
        {
            return Invalid("answer", $"请填写要补充的信息，不超过 {MaxAnswer} 字。");
        }

        return Step(ComplaintSteps.FireAsync(id, ComplaintDefinition.Triggers.ProvideInfo, new JsonObject { ["answer"] = request.Answer.Trim() }, idempotencyKey, consumer));
    }

    /// <summary>Withdraws the complaint; only before staff respond.</summary>
    public static Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, IdempotencyKey idempotencyKey, [AsParameters] ConsumerComplaintServices consumer) =>
        Step(ComplaintSteps.FireAsync(id, ComplaintDefinition.Triggers.Cancel, [], idempotencyKey, consumer));

    /// <summary>The closing survey: a low score (1–2, or 0–6 to recommend) reopens the complaint to its owner.</summary>
    public static Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> AnswerSurveyAsync(
        Guid id, SurveyRequest request, IdempotencyKey idempotencyKey, [AsParameters] ConsumerComplaintServices consumer)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Satisfaction is not (>= 1 and <= 5))
        {
            return Invalid("satisfaction", "满意度请选择 1 到 5 分。");
        }

        if (request.Recommend is not (>= 0 and <= 10))
        {
            return Invalid("recommend", "推荐意愿请选择 0 到 10 分。");
        }

        var input = new JsonObject { ["satisfaction"] = request.Satisfaction, ["recommend"] = request.Recommend };
        return Step(ComplaintSteps.FireAsync(id, ComplaintDefinition.Triggers.SurveyAnswered, input, idempotencyKey, consumer));
    }

    /// <summary>Widens a step's answer by the 400 the handlers above give for input they refuse themselves; a case the consumer cannot reach is a Chinese 404.</summary>
    private static async Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> Step(
        Task<Results<Ok<ComplaintResponse>, NotFound, ProblemHttpResult>> step) => (await step).Result switch
        {
            Ok<ComplaintResponse> ok => ok,
            ProblemHttpResult problem => problem,
            _ => NotFound(),
        };

    private static Task<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> Invalid(string field, string message) =>
        Task.FromResult<Results<Ok<ComplaintResponse>, ValidationProblem, ProblemHttpResult>>(
            ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }));

    /// <summary>The framework's 400 shape with a Chinese detail the page may show (its default title is English).</summary>
    private static ValidationProblem ValidationProblem(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "提交的内容有误：" + string.Join(" ", errors.Values.SelectMany(e => e)), title: "提交的内容有误");

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("没有找到这条投诉，请返回列表刷新后再看。", statusCode: StatusCodes.Status404NotFound, title: "没有找到");

    private static Dictionary<string, string[]> Validate(FileComplaintRequest request, IReadOnlyList<ComplaintSeverity> severities)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Category))
        {
            errors["category"] = [CategoryNotOffered];
        }

        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > MaxDescription)
        {
            errors["description"] = [$"请描述发生了什么，不超过 {MaxDescription} 字。"];
        }

        if (request.Severity is not { } severity || !severities.Any(s => s.Value == severity))
        {
            errors["severity"] = ["请从列表中选择严重程度。"];
        }

        if (request.PhotoIds is { } photoIds && (photoIds.Count > MaxPhotos || photoIds.Distinct().Count() != photoIds.Count))
        {
            errors["photoIds"] = [$"最多 {MaxPhotos} 张照片，且不能重复。"];
        }

        if (request.Vehicle is { Length: > MaxVehicle })
        {
            errors["vehicle"] = [$"车辆信息不超过 {MaxVehicle} 字。"];
        }

        return errors;
    }

    private static ProblemHttpResult Unprocessable(string field, string message) => TypedResults.Problem(
        new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "提交的内容有误",
            Detail = message,
        });

    private static string Describe(CaseResult result) => result switch
    {
        CaseRefused refused => $"暂时无法提交投诉：{CaseResultHttp.Explain(refused.Reason)}",
        _ => "投诉刚刚发生了变化，请刷新后再试。",
    };
}
