using FocusMate.Api.Errors;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace FocusMate.Api.Hosting;

/// <summary>
/// Serves the built browser app from <c>Spa:RootPath</c> when it exists, so one process serves
/// everything. Hashed assets are cached for a year; <c>index.html</c> is never cached. The fallback to
/// <c>index.html</c> never answers for the API, the hub, Swagger or health paths.
/// </summary>
public static class SpaHosting
{
    private static readonly string[] ServerPaths = ["/api", "/hubs", "/swagger", "/health"];

    public static WebApplication UseSpaFiles(this WebApplication app)
    {
        var root = SpaRoot(app);
        if (root is not null)
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = SetCaching });
        }

        return app;
    }

    public static WebApplication MapSpaFallback(this WebApplication app)
    {
        var root = SpaRoot(app);
        app.MapFallback(async context =>
        {
            var path = context.Request.Path;
            var index = root is null ? null : Path.Combine(root, "index.html");
            if (index is null || ServerPaths.Any(p => path.StartsWithSegments(p)) || !HttpMethods.IsGet(context.Request.Method))
            {
                await ProblemResponses.WriteNotFoundAsync(context);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        });
        return app;
    }

    private static string? SpaRoot(WebApplication app)
    {
        var configured = app.Configuration["Spa:RootPath"] ?? "../../frontend/dist";
        var root = Path.GetFullPath(configured, app.Environment.ContentRootPath);
        return File.Exists(Path.Combine(root, "index.html")) ? root : null;
    }

    private static void SetCaching(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}
