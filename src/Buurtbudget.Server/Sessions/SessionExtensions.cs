using Buurtbudget.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Buurtbudget.Server.Sessions;

internal static class SessionExtensions
{
    /// <summary>Server-side sessions (<see cref="SessionGuard"/>) behind the session cookie of <c>AddSignIn</c>.</summary>
    public static void AddSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<BuurtbudgetOptions>, SessionValidation>();
        builder.Services.AddSingleton<ISessionStore>(services =>
        {
            var options = services.Buurtbudget();
            if (options.Postgres is not { } postgres)
            {
                return new SqliteSessionStore(services.DataDirectory());
            }
            if (!string.IsNullOrWhiteSpace(postgres.OwnerConnectionString))
            {
                var appRole = postgres.AppRole ?? new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Username
                    ?? throw new InvalidOperationException("Set Buurtbudget:Postgres:AppRole: the connection string names no user.");
                PostgresSessionSchema.MigrateAsync(postgres.OwnerConnectionString, appRole).GetAwaiter().GetResult();
            }
            return new PostgresSessionStore(services.GetRequiredService<NpgsqlDataSource>());
        });
        builder.Services.AddSingleton<SessionGuard>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(SessionEndpoints.PersonPolicy,
            policy => policy.RequireAssertion(context => SignIn.StaffIdentity.IdentityOf(context.User) is not null));
        builder.Services.AddHostedService<SessionPurge>();
        // The cookie cannot outlive the session: its own expiry is the absolute lifetime too.
        builder.Services.AddOptions<CookieAuthenticationOptions>(SignIn.Residents.Scheme)
            .Configure<IOptions<BuurtbudgetOptions>>((cookie, options) => cookie.ExpireTimeSpan = options.Value.Sessions.AbsoluteLifetime);
    }

    /// <summary>The cookie events that tie each cookie to its server-side session.</summary>
    public static void UseServerSideSessions(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = context =>
            context.HttpContext.RequestServices.GetRequiredService<SessionGuard>().StartAsync(context.Principal!, context.HttpContext.RequestAborted);
        events.OnValidatePrincipal = async context =>
        {
            var guard = context.HttpContext.RequestServices.GetRequiredService<SessionGuard>();
            if (context.Principal is null || !await guard.IsLiveAsync(context.Principal, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(SignIn.Residents.Scheme);
            }
        };
        // Every sign-out ends the session on the server, not just the cookie in this browser.
        events.OnSigningOut = context =>
            context.HttpContext.RequestServices.GetRequiredService<SessionGuard>().EndAsync(context.HttpContext.User, context.HttpContext.RequestAborted);
    }
}
