using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WeLink.Server.Tenancy.Access;

/// <summary>Refuses (403) a page handler whose <see cref="HandlerPolicyAttribute"/> policy the signed-in admin does not meet.</summary>
public sealed class HandlerPolicyFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod?.MethodInfo.GetCustomAttribute<HandlerPolicyAttribute>() is { } required
            && !(await authorization.AuthorizeAsync(context.HttpContext.User, required.Policy)).Succeeded)
        {
            context.Result = new ForbidResult();
            return;
        }

        await next();
    }
}
