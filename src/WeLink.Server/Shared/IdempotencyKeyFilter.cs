namespace WeLink.Server.Shared;

/// <summary>
/// Answers 400 with what is wrong before a handler that takes an <see cref="IdempotencyKey"/> runs with a missing or
/// malformed one. Given to a route group, it covers every route of the group, including routes added later.
/// </summary>
public static class IdempotencyKeyFilter
{
    public static RouteGroupBuilder RequireValidIdempotencyKeys(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilterFactory((factory, next) =>
        {
            var position = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.ParameterType == typeof(IdempotencyKey));
            if (position < 0)
            {
                return next;
            }

            return context => context.GetArgument<IdempotencyKey>(position).Problem is { } problem
                ? ValueTask.FromResult<object?>(TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest))
                : next(context);
        });
    }
}
