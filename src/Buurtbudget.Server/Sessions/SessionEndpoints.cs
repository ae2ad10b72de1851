using System.Security.Claims;
using Buurtbudget.Server.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Sessions;

internal static class SessionEndpoints
{
    /// <summary>Signed in through an identity provider (staff, or residents of a corporation's provider).</summary>
    public const string PersonPolicy = "person";

    public sealed record SessionsEnded(int Ended);

    public static void MapSessionEndpoints(this WebApplication app) =>
        app.MapPost("/api/sign-out/everywhere", SignOutEverywhere).WithTags("Sign-in").RequireAuthorization(PersonPolicy);

    /// <summary>Ends every session of the signed-in person on every node, this one included: for a lost laptop, or
    /// a session left open on a shared computer. Voting-code sessions end with their code instead.</summary>
    private static async Task<Ok<SessionsEnded>> SignOutEverywhere(ClaimsPrincipal user, HttpContext context, SessionGuard sessions)
    {
        var (issuer, subject) = user.IdentityOf()!.Value;
        int ended = await sessions.EndAllAsync(issuer, subject, context.RequestAborted);
        await context.SignOutAsync(Residents.Scheme);
        return TypedResults.Ok(new SessionsEnded(ended));
    }
}
