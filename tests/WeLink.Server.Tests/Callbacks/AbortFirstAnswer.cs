using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace WeLink.Server.Tests.Callbacks;

/// <summary>
/// Lets the first request to a path run to the end (its event is stored), then drops the connection
/// instead of answering, as a network failure would; the platform then retries the push.
/// </summary>
public sealed class AbortFirstAnswer(string path) : IStartupFilter
{
    private int _aborted;

    public bool Aborted => Volatile.Read(ref _aborted) == 1;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path != path || Interlocked.Exchange(ref _aborted, 1) == 1)
            {
                await nextMiddleware(context);
                return;
            }

            // Buffer the answer so none of it leaves before the abort.
            context.Response.Body = new MemoryStream();
            await nextMiddleware(context);
            context.Abort();
        });
        next(app);
    };
}
