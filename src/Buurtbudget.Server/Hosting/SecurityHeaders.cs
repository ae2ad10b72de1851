using Buurtbudget.Server.Web;
using Microsoft.Extensions.Options;

namespace Buurtbudget.Server.Hosting;

internal static class SecurityHeaders
{
    /// <summary>
    /// Headers every response carries: text residents wrote travels as JSON strings, and a browser must never be
    /// talked into reading it as a page (nosniff); nothing of Buurtbudget may be framed by another site; addresses
    /// with ids in them are not leaked to other sites as referrers. The content security policy allows the front
    /// end's own scripts and styles only (no inline script, no eval), so text that slipped through escaping still
    /// cannot run; images may also come from the configured map tile server.
    /// </summary>
    public static void UseSecurityHeaders(this WebApplication app)
    {
        var tiles = app.Services.GetRequiredService<IOptions<WebOptions>>().Value.MapTilesOrigin;
        var policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:" + (tiles is null ? "" : " " + tiles)
            + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        app.Use(next => context =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = policy;
            return next(context);
        });
    }
}
