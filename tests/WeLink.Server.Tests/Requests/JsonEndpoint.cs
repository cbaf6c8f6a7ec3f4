using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.Hosting;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Requests;

/// <summary>
/// A route that reads a JSON body, as the app maps it (its <see cref="IAcceptsMetadata"/>), with someone its policy lets
/// in: the isolation matrix's row for the route (<see cref="TenantEndpoint"/>) gives the roles and a valid body.
/// </summary>
public sealed record JsonEndpoint(TenantEndpoint Row, MatrixCaller Caller, Type RequestType, bool BodyIsOptional)
{
    public string Name => Row.Name;

    /// <summary>
    /// Every JSON-body route of WeLink (the hosted sandbox, a stand-in for WeChat, is not WeLink's API). A route missing
    /// from the matrix fails here, so a new endpoint cannot slip past the body tests unnoticed.
    /// </summary>
    public static async Task<IReadOnlyList<JsonEndpoint>> AllAsync(TenancyWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var callers = await MatrixCaller.AllAsync(world);
        var found = new List<JsonEndpoint>();
        foreach (var route in world.Admin.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = route.RoutePattern.RawText ?? "";
            if (route.Metadata.GetMetadata<IAcceptsMetadata>() is not { RequestType: { } type } accepts
                || !accepts.ContentTypes.Contains("application/json")
                || pattern.StartsWith(SandboxFeature.PathPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var method in route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                var name = TenantEndpoint.NameOf(method, pattern);
                var row = TenantEndpoint.All.SingleOrDefault(e => e.Name == name);
                Assert.True(row is not null, $"{name} reads a JSON body but has no row in TenantEndpoint, so no caller is known for it: add one.");
                found.Add(new JsonEndpoint(row, callers.First(c => c.Door == row.Door && row.Roles.Contains(c.Role)), type, accepts.IsOptional));
            }
        }

        return found;
    }

    /// <summary>The matrix's valid body for the route, as JSON to change one field of.</summary>
    public JsonObject SampleBody(TenancyWorld world) =>
        Row.Body(world) is { } body
            ? System.Text.Json.JsonSerializer.SerializeToNode(body, body.GetType(), AdminClient.Json)!.AsObject()
            : [];
}
