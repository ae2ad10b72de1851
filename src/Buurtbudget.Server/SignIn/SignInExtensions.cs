using System.Threading.RateLimiting;
using Buurtbudget.Server.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;

namespace Buurtbudget.Server.SignIn;

internal static class SignInExtensions
{
    public const string CodeAttemptsPolicy = "voting-code-attempts";
    public const string IdentityProviderSignInsPolicy = "identity-provider-sign-ins";

    public static void AddSignIn(this WebApplicationBuilder builder)
    {
        SessionKeys.AddSessionKeys(builder);
        builder.Services.AddAuthentication(Residents.Scheme).AddCookie(Residents.Scheme, cookie =>
        {
            cookie.Cookie.Name = Residents.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = "/";
            // The lifetimes are the server-side session's (Sessions/SessionGuard); the cookie's own expiry is the absolute one.
            cookie.SlidingExpiration = false;
            Sessions.SessionExtensions.UseServerSideSessions(cookie.Events);
            // An API answers 401/403 as problem details; it never redirects to a login page.
            cookie.Events.OnRedirectToLogin = context => WriteProblem(context.HttpContext, 401, "Sign in first",
                "Sign in to do this: residents with the voting code from their letter, staff with their organisation's account.");
            cookie.Events.OnRedirectToAccessDenied = context => WriteProblem(context.HttpContext, 403, "Not allowed", "Your sign-in does not allow this.");
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteProblem(context.HttpContext, 429, "Too many attempts", $"Too many sign-in attempts. Wait {retryAfter} seconds and try again.");
            };
            limiter.AddPolicy(CodeAttemptsPolicy, context =>
            {
                var options = context.RequestServices.Buurtbudget();
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.CodeAttemptsPerClientPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            // Each sign-in round trip costs a token request to the provider; a client looping on it must not make the
            // provider throttle everyone else.
            limiter.AddPolicy(IdentityProviderSignInsPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.Buurtbudget().IdentityProviderSignInsPerClientPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            // The server-wide brake applies to every endpoint marked as a voting-code attempt, found by its
            // metadata rather than by its path.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<VotingCodeAttempt>() is not null
                    ? RateLimitPartition.GetFixedWindowLimiter("all-code-attempts", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.Buurtbudget().CodeAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("other"));
        });
    }

    public static void UseSignIn(this WebApplication app)
    {
        app.UseMiddleware<SameOriginWrites>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>Endpoint metadata: this endpoint tries a voting code, so both code-attempt limits apply.</summary>
    public sealed class VotingCodeAttempt;

    public static Task WriteProblem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
