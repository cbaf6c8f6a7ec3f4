using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Shared;

namespace WeLink.Server.Admin.Api;

/// <summary>
/// Turns an <see cref="AdminResult{T}"/> into the admin API's answers. NotFound stays a bare 404 (the same
/// as a foreign tenant's id); the other refusals are problems a person can act on.
/// </summary>
internal static class AdminResults
{
    public static Results<Created<T>, NotFound, ProblemHttpResult> ToCreated<T>(this AdminResult<T> result, Func<T, string> location)
        where T : class =>
        result switch
        {
            { Outcome: ActionOutcome.Done, Value: { } value } => TypedResults.Created(location(value), value),
            { Outcome: ActionOutcome.NotFound } => TypedResults.NotFound(),
            _ => Problem(result),
        };

    public static Results<Ok<T>, NotFound, ProblemHttpResult> ToOk<T>(this AdminResult<T> result)
        where T : class =>
        result switch
        {
            { Outcome: ActionOutcome.Done, Value: { } value } => TypedResults.Ok(value),
            { Outcome: ActionOutcome.NotFound } => TypedResults.NotFound(),
            _ => Problem(result),
        };

    private static ProblemHttpResult Problem<T>(AdminResult<T> result)
        where T : class => result.Outcome switch
        {
            ActionOutcome.Conflict => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
            ActionOutcome.NotAllowed => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
            ActionOutcome.UnknownReference => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unknown reference"),
            _ => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request"),
        };
}
