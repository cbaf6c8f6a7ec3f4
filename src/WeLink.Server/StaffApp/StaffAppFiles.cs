using Microsoft.Extensions.FileProviders;
using WeLink.Server.StaffApp.Contracts;

namespace WeLink.Server.StaffApp;

/// <summary>
/// Serves the staff's WeCom app (wecom-app/, built by this project's build into its output as <c>wecom-app/</c>) under
/// <see cref="StaffAppLinks.PathPrefix"/>. Static files ahead of authentication: the app shell is public, its data comes from the staff
/// API, which needs a session. The app routes by hash (<c>#/cases/{id}</c>), so every page is index.html and a missing
/// file is a plain 404, never index.html served as a script.
/// </summary>
public static class StaffAppFiles
{
    /// <summary>Where the built app is read from; the output folder's <c>wecom-app/</c> unless set (tests point it elsewhere).</summary>
    public const string RootKey = "StaffApp:Root";

    /// <summary>Vite's assetsDir: names carry a content hash, so a new build never reuses one and they may be kept for a year.</summary>
    private const string HashedAssets = StaffAppLinks.PathPrefix + "/assets";

    public static WebApplication UseStaffApp(this WebApplication app)
    {
        var root = app.Configuration[RootKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, app.Environment.ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "wecom-app");
        // A build without npm (or before wecom-app/ existed) has no app: its pages answer 404 rather than failing the start.
        IFileProvider files = Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = StaffAppLinks.PathPrefix });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = StaffAppLinks.PathPrefix,
            OnPrepareResponse = static context => context.Context.Response.Headers.CacheControl = CacheControl(context.Context.Request.Path),
        });
        return app;
    }

    /// <summary>index.html (and anything unhashed) is revalidated on every load, so a new build reaches phones at once.</summary>
    private static string CacheControl(PathString path) =>
        path.StartsWithSegments(HashedAssets, StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
}
