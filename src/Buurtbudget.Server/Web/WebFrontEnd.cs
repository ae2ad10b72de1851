using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Buurtbudget.Server.Web;

/// <summary>
/// Serves the front end that <c>web/</c> builds into <c>wwwroot</c>: hashed files under <c>/assets/</c> are cached for a
/// year (their names change with their content), and every other path that is not the API, the hub or health
/// gets <c>index.html</c>, uncached, so a link to any page of the app works and a new release is picked up at once.
/// The pages are served by a middleware that runs only when routing found no endpoint, not by a fallback endpoint:
/// a fallback would also be a candidate for a write the API refuses (say a JSON body where CSV is expected) and
/// turn its 415 into a page.
/// </summary>
internal static class WebFrontEnd
{
    /// <summary>Paths that belong to the server itself; an unknown path under them is a 404 problem, not the app.</summary>
    private static readonly string[] ServerPaths = ["/api", "/hubs", "/health", "/openapi", "/bench"];

    public static void AddWebFrontEnd(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<WebOptions>().Bind(builder.Configuration.GetSection(WebOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

    public static void UseWebFrontEnd(this WebApplication app)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        var environment = app.Environment;
        app.Use(next => context =>
        {
            var request = context.Request;
            bool isPage = context.GetEndpoint() is null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && !ServerPaths.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
            return isPage ? ServeAppAsync(context, environment) : next(context);
        });
    }

    public static void MapWebFrontEnd(this WebApplication app)
    {
        app.MapGet("/api/site", GetSite).WithTags("Site").AllowAnonymous();
    }

    /// <summary>What the front end needs to know of this installation before anyone signs in.</summary>
    public sealed record Site(string? MapTiles, string? MapAttribution, string DefaultLanguage);

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<Site> GetSite(IOptions<WebOptions> options) =>
        TypedResults.Ok(new Site(options.Value.MapTiles, options.Value.MapAttribution, options.Value.DefaultLanguage));

    private static Task ServeAppAsync(HttpContext context, IWebHostEnvironment environment)
    {
        var index = environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!index.Exists)
        {
            // A server built without Node.js (BuildWebFrontEnd=false) still answers the API; say why there is no page.
            return TypedResults.Problem("This server was built without its web front end; build it with Node.js and npm installed (see README).",
                statusCode: 404, title: "No web front end").ExecuteAsync(context);
        }
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(index.CreateReadStream(), "text/html; charset=utf-8").ExecuteAsync(context);
    }
}
