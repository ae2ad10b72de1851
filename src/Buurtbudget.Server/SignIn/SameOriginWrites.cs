namespace Buurtbudget.Server.SignIn;

/// <summary>
/// CSRF defence for the cookie-authenticated API (ASVS 3.5.1–3.5.3): every state-changing request must carry the
/// header <c>X-Buurtbudget-Request: 1</c>, which a cross-site form or simple request cannot set without a CORS
/// preflight this server never grants, and must not come from a foreign <c>Origin</c>. SameSite=Strict on the
/// session cookie is the second line.
/// </summary>
internal sealed class SameOriginWrites(RequestDelegate next)
{
    public const string HeaderName = "X-Buurtbudget-Request";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return next(context);
        }
        if (request.Headers.Origin is [{ } origin] && !IsSameOrigin(origin, request))
        {
            return SignInExtensions.WriteProblem(context, 403, "Cross-site request refused", $"Requests from {origin} may not change anything here.");
        }
        // The live-results hub changes nothing (server to client only); its negotiate POST needs only the Origin check.
        if (request.Headers[HeaderName] != "1" && !request.Path.StartsWithSegments(Live.LiveResultsExtensions.HubPath))
        {
            return SignInExtensions.WriteProblem(context, 403, "Missing request header",
                $"State-changing requests must carry the header {HeaderName}: 1 (protection against cross-site request forgery).");
        }
        return next(context);
    }

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
