using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Tenancy.Access;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Parameters;

namespace WeLink.Server.Cases.Admin;

/// <summary>
/// Brand HQ publishes definition versions and sets their parameters; dealer admins set their own values where HQ allows.
/// Every route names its brand or dealer and passes the tenant filter (another tenant's answers 404). Invalid input is a
/// 400 validation problem listing every error by JSON path or parameter name; a parameter HQ locked is a 403; a stale
/// expected version on publish is a 409.
/// </summary>
public static class DefinitionEndpoints
{
    public static IEndpointRouteBuilder MapDefinitionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/admin").WithTags("Admin: definitions").RequireAuthorization(WeLinkPolicies.Admin).RequireTenantOfRoute();
        var brand = api.MapGroup("/brands/{brandId:guid}/definitions");
        brand.MapGet("", ListAsync);
        brand.MapGet("/{key}/versions/{version:int}", GetVersionAsync);
        brand.MapPost("/{key}/versions", PublishAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        brand.MapGet("/{key}/parameters", GetBrandParametersAsync);
        brand.MapPut("/{key}/parameters", SetBrandParametersAsync).RequireAuthorization(WeLinkPolicies.HqAdmin);
        var dealer = api.MapGroup("/dealers/{dealerId:guid}/definitions");
        dealer.MapGet("/{key}/parameters", GetDealerParametersAsync);
        dealer.MapPut("/{key}/parameters", SetDealerParametersAsync);
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<DefinitionListItem>>> ListAsync(Guid brandId, DefinitionAdmin admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.ListAsync(brandId, cancellationToken));

    public static async Task<Results<Ok<JsonObject>, NotFound>> GetVersionAsync(
        Guid brandId, string key, int version, DefinitionAdmin admin, CancellationToken cancellationToken) =>
        await admin.GetVersionAsync(brandId, key, version, cancellationToken) is { } json ? TypedResults.Ok(json) : TypedResults.NotFound();

    /// <summary>201 with the new version; 400 listing every problem (nothing stored); 409 when the expected current version is stale.</summary>
    public static async Task<Results<Created<PublishDefinitionResponse>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        Guid brandId, string key, PublishDefinitionRequest request, ClaimsPrincipal user, DefinitionAdmin admin, CancellationToken cancellationToken) =>
        await admin.PublishAsync(user, brandId, key, request, cancellationToken) switch
        {
            DefinitionPublished p => TypedResults.Created(
                $"/api/admin/brands/{brandId}/definitions/{Uri.EscapeDataString(p.Key)}/versions/{p.Version}", new PublishDefinitionResponse(p.Key, p.Version)),
            DefinitionStale s => TypedResults.Problem(
                $"The brand's current version of '{s.Key}' is {s.CurrentVersion}, not {request.ExpectedCurrentVersion}: someone published meanwhile (or this request was sent twice). Reload and publish again.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Stale version"),
            DefinitionRejected r => TypedResults.ValidationProblem(ByPath(r.Problems), $"The definition has {r.Problems.Count} problem(s); nothing was published.", title: "Invalid definition"),
            var other => throw new InvalidOperationException($"Unexpected publish result {other.GetType().Name}."),
        };

    public static async Task<Results<Ok<DefinitionParametersResponse>, NotFound>> GetBrandParametersAsync(
        Guid brandId, string key, DefinitionAdmin admin, CancellationToken cancellationToken) =>
        await admin.GetBrandParametersAsync(brandId, key, cancellationToken) is { } parameters ? TypedResults.Ok(parameters) : TypedResults.NotFound();

    public static async Task<Results<Ok<DefinitionParametersResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SetBrandParametersAsync(
        Guid brandId, string key, SetBrandParametersRequest request, ClaimsPrincipal user, DefinitionAdmin admin, CancellationToken cancellationToken) =>
        ToResult(await admin.SetBrandParametersAsync(user, brandId, key, request, cancellationToken));

    public static async Task<Results<Ok<DefinitionParametersResponse>, NotFound>> GetDealerParametersAsync(
        Guid dealerId, string key, ClaimsPrincipal user, DefinitionAdmin admin, CancellationToken cancellationToken) =>
        await admin.GetDealerParametersAsync(user, dealerId, key, cancellationToken) is { } parameters ? TypedResults.Ok(parameters) : TypedResults.NotFound();

    /// <summary>200 with the dealer's view; 403 when any value touches a parameter HQ locked; 400 for unknown, mistyped or out-of-bounds values.</summary>
    public static async Task<Results<Ok<DefinitionParametersResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SetDealerParametersAsync(
        Guid dealerId, string key, SetDealerParametersRequest request, ClaimsPrincipal user, DefinitionAdmin admin, CancellationToken cancellationToken) =>
        ToResult(await admin.SetDealerParametersAsync(user, dealerId, key, request, cancellationToken));

    private static Results<Ok<DefinitionParametersResponse>, NotFound, ValidationProblem, ProblemHttpResult> ToResult(ParameterChange change)
    {
        if (!change.Found)
        {
            return TypedResults.NotFound();
        }

        if (change.Parameters is { } parameters)
        {
            return TypedResults.Ok(parameters);
        }

        var byName = change.Errors.GroupBy(e => e.Parameter, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Parameter}: {e.Message}").ToArray(), StringComparer.Ordinal);
        var locked = change.Errors.Where(e => e.Code == ParameterErrorCode.LockedForDealer).Select(e => e.Parameter).ToList();
        return locked.Count > 0
            ? TypedResults.Problem(new HttpValidationProblemDetails(byName)
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Locked by brand HQ",
                Detail = $"Brand HQ locked {string.Join(", ", locked.Select(p => $"'{p}'"))} for dealers; nothing was saved.",
            })
            : TypedResults.ValidationProblem(byName, "Nothing was saved.", title: "Invalid parameters");
    }

    private static Dictionary<string, string[]> ByPath(IEnumerable<DefinitionProblem> problems) =>
        problems.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
}
