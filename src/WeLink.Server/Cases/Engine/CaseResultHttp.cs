using Microsoft.AspNetCore.Http.HttpResults;

namespace WeLink.Server.Cases.Engine;

/// <summary>
/// The one HTTP vocabulary of engine results, for staff and consumers alike: a move is the caller's success, a case
/// not found (or outside the caller's scope) 404, a conflict 409 with the case's current version, a refusal 422 with
/// the reason and its details (for bad input, each field named).
/// </summary>
public static class CaseResultHttp
{
    public static Results<TOk, NotFound, ProblemHttpResult> ToHttp<TOk>(this CaseResult result, Func<CaseMoved, TOk> moved)
        where TOk : IResult
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(moved);
        return result switch
        {
            CaseMoved step => moved(step),
            CaseConflict conflict => TypedResults.Problem(
                conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "The case changed",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = conflict.CurrentVersion }),
            CaseRefused refused => TypedResults.Problem(
                refused.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The step is not allowed",
                extensions: new Dictionary<string, object?> { ["reason"] = refused.Reason.ToString(), ["details"] = refused.Details }),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>As <see cref="ToHttp{TOk}"/>, for a success that reads what the move produced; null from it is 404.</summary>
    public static async Task<Results<TOk, NotFound, ProblemHttpResult>> ToHttpAsync<TOk>(this CaseResult result, Func<CaseMoved, Task<TOk?>> moved)
        where TOk : class, IResult
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(moved);
        return result is CaseMoved step
            ? await moved(step) is { } ok ? ok : TypedResults.NotFound()
            : result.ToHttp<TOk>(_ => throw new InvalidOperationException("A move is answered above."));
    }
}
