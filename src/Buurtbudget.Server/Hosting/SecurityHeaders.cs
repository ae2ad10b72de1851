namespace Buurtbudget.Server.Hosting;

internal static class SecurityHeaders
{
    /// <summary>
    /// Headers every response carries: text residents wrote travels as JSON strings, and a browser must never be
    /// talked into reading it as a page (nosniff); nothing of Buurtbudget may be framed by another site; addresses
    /// with ids in them are not leaked to other sites as referrers.
    /// </summary>
    public static void UseSecurityHeaders(this WebApplication app) => app.Use(next => context =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    });
}
