using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WeLink.Server.Tenancy.Access;

/// <summary>The portal's side of <see cref="TenantRoute"/>: a page whose route names another tenant answers 404.</summary>
public sealed class TenantRoutePageFilter(TenantRoute route) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var scope = TenantScope.From(http.User, SessionKind.Admin);
        if (!await route.ReachesAsync(scope, http.Request.RouteValues, http.RequestAborted))
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
