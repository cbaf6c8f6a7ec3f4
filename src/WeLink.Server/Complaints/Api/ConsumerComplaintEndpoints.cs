using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WeLink.Server.Access;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Identities;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Complaints.Api;

/// <summary>
/// The consumer's complaints at the dealer of their session. Another consumer's complaint answers 404, as if it did not
/// exist (<see cref="OwnedRoute"/> with <see cref="ComplaintStore"/>, before any handler runs). A step the process does not allow now (cancelling after staff responded, answering twice) answers 409.
/// </summary>
public static class ConsumerComplaintEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxCategory = 50;
    private const int MaxDescription = 2000;
    private const int MaxVehicle = 50;
    private const int MaxAnswer = 2000;

    public static IEndpointRouteBuilder MapConsumerComplaintEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/consumer/complaints").WithTags("Consumer: complaints").RequireAuthorization(WeLinkPolicies.Consumer)
            .RequireOwnerOfRoute<ComplaintStore>(SessionKind.Consumer);
        group.MapPost("/", FileAsync).RequireRateLimiting(ConsumerFilingLimit.Policy);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/information", ProvideInformationAsync);
        group.MapPost("/{id:guid}/cancel", CancelAsync);
        group.MapPost("/{id:guid}/survey", AnswerSurveyAsync);
        return endpoints;
    }

    /// <summary>Files a complaint; the Idempotency-Key header makes a double click or a retry file it once.</summary>
    public static async Task<Results<Created<ComplaintResponse>, ValidationProblem, ProblemHttpResult>> FileAsync(
        FileComplaintRequest request, ConsumerSession session, IDealerLinks links, CaseEngine engine, ComplaintStore store, ComplaintViews views,
        TimeProvider time, CancellationToken cancellationToken, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 100)
        {
            return TypedResults.Problem($"Send an {IdempotencyKeyHeader} header (at most 100 characters) so that a retry files the complaint once.", statusCode: 400);
        }

        if (Validate(request) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var link = await links.GetAsync(session.DealerId, cancellationToken);
        if (!link.Linked)
        {
            return TypedResults.Problem($"This dealer cannot take complaints right now: {link.WhyNotLinked}", statusCode: StatusCodes.Status409Conflict);
        }

        var data = new JsonObject
        {
            ["category"] = request.Category!.Trim(),
            ["description"] = request.Description!.Trim(),
            ["severity"] = request.Severity,
            ["vehicle"] = string.IsNullOrWhiteSpace(request.Vehicle) ? null : request.Vehicle.Trim(),
        };
        var started = await engine.StartAsync(
            new StartCase(ComplaintDefinition.Key, session.BrandId, session.DealerId, session.ConsumerId.ToString(), data,
                $"consumer:{session.ConsumerId:N}:{idempotencyKey}", Actor.Consumer(session.ConsumerId.ToString())),
            cancellationToken);
        if (started is not CaseMoved moved)
        {
            return TypedResults.Problem(Describe(started), statusCode: StatusCodes.Status409Conflict);
        }

        var complaint = new ComplaintRow
        {
            CaseId = moved.CaseId,
            BrandId = session.BrandId,
            DealerId = session.DealerId,
            ConsumerId = session.ConsumerId,
            Category = request.Category.Trim(),
            Severity = request.Severity!,
            CreatedAt = time.GetUtcNow(),
        };
        await store.AddAsync(complaint, cancellationToken);
        var stored = await store.FindAsync(moved.CaseId, session.ConsumerId, session.DealerId, cancellationToken) ?? complaint;
        var view = await views.ViewAsync(stored, cancellationToken);
        return TypedResults.Created($"/api/consumer/complaints/{moved.CaseId}", view);
    }

    public static async Task<Ok<IReadOnlyList<ComplaintResponse>>> ListAsync(
        ConsumerSession session, ComplaintStore store, ComplaintViews views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var list = new List<ComplaintResponse>();
        foreach (var complaint in await store.ListAsync(session.ConsumerId, session.DealerId, cancellationToken))
        {
            if (await views.ViewAsync(complaint, cancellationToken) is { } view)
            {
                list.Add(view);
            }
        }

        return TypedResults.Ok<IReadOnlyList<ComplaintResponse>>(list);
    }

    public static async Task<Results<Ok<ComplaintResponse>, NotFound>> GetAsync(
        Guid id, ConsumerSession session, ComplaintStore store, ComplaintViews views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await store.FindAsync(id, session.ConsumerId, session.DealerId, cancellationToken) is { } complaint
            && await views.ViewAsync(complaint, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();
    }

    /// <summary>Answers what staff asked; only while they wait for it.</summary>
    public static Task<Results<Ok<ComplaintResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ProvideInformationAsync(
        Guid id, ProvideInformationRequest request, ConsumerSession session, ComplaintSteps steps, CancellationToken cancellationToken,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Length > MaxAnswer)
        {
            return Invalid("answer", $"Write an answer of at most {MaxAnswer} characters.");
        }

        return steps.FireAsync(id, session, ComplaintDefinition.Triggers.ProvideInfo, new JsonObject { ["answer"] = request.Answer.Trim() }, idempotencyKey, cancellationToken);
    }

    /// <summary>Withdraws the complaint; only before staff respond.</summary>
    public static Task<Results<Ok<ComplaintResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, ConsumerSession session, ComplaintSteps steps, CancellationToken cancellationToken,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey = null) =>
        steps.FireAsync(id, session, ComplaintDefinition.Triggers.Cancel, [], idempotencyKey, cancellationToken);

    /// <summary>The closing survey: a low score (1–2, or 0–6 to recommend) reopens the complaint to its owner.</summary>
    public static Task<Results<Ok<ComplaintResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AnswerSurveyAsync(
        Guid id, SurveyRequest request, ConsumerSession session, ComplaintSteps steps, CancellationToken cancellationToken,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Satisfaction is not (>= 1 and <= 5))
        {
            return Invalid("satisfaction", "Satisfaction is 1 to 5.");
        }

        if (request.Recommend is not (>= 0 and <= 10))
        {
            return Invalid("recommend", "Likelihood to recommend is 0 to 10.");
        }

        var input = new JsonObject { ["satisfaction"] = request.Satisfaction, ["recommend"] = request.Recommend };
        return steps.FireAsync(id, session, ComplaintDefinition.Triggers.SurveyAnswered, input, idempotencyKey, cancellationToken);
    }

    private static Task<Results<Ok<ComplaintResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Invalid(string field, string message) =>
        Task.FromResult<Results<Ok<ComplaintResponse>, NotFound, ValidationProblem, ProblemHttpResult>>(
            TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }));

    private static Dictionary<string, string[]> Validate(FileComplaintRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Category) || request.Category.Length > MaxCategory)
        {
            errors["category"] = [$"Name what the complaint is about, in at most {MaxCategory} characters."];
        }

        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > MaxDescription)
        {
            errors["description"] = [$"Describe what happened, in at most {MaxDescription} characters."];
        }

        if (request.Severity is null || !ComplaintDefinition.Severities.Contains(request.Severity))
        {
            errors["severity"] = ["Severity is low, normal or high."];
        }

        if (request.Vehicle is { Length: > MaxVehicle })
        {
            errors["vehicle"] = [$"The vehicle is at most {MaxVehicle} characters."];
        }

        return errors;
    }

    internal static string Describe(CaseResult result) => result switch
    {
        CaseRefused refused => refused.Message,
        CaseConflict conflict => conflict.Message,
        _ => "The complaint changed meanwhile; reload it.",
    };
}
