using System.Text;

namespace WeLink.Callbacks.Bench;

/// <summary>
/// Ahead of all of WeLink's middleware: a POST to <paramref name="port"/> has its body read and is answered "success",
/// with no other work. Requests to WeLink's own ports pass through untouched.
/// </summary>
internal sealed class BareEndpoint(int port) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Connection.LocalPort != port)
            {
                await nextMiddleware(context);
                return;
            }

            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            await reader.ReadToEndAsync(context.RequestAborted);
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("success", context.RequestAborted);
        });
        next(app);
    };
}
