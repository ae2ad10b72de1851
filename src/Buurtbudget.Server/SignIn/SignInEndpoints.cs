using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.VotingCodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.SignIn;

internal static partial class SignInEndpoints
{
    public sealed record CodeSignInRequest(string? Code);

    public sealed record SignedIn(string NeighbourhoodId, string CycleId);

    public static void MapSignInEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}").WithTags("Sign-in");
        group.MapPost("/sign-in", SignInWithCode)
            .RequireRateLimiting(SignInExtensions.CodeAttemptsPolicy)
            .WithMetadata(new SignInExtensions.VotingCodeAttempt())
            .AllowAnonymous();
        app.MapPost("/api/sign-out", SignOutHandler).WithTags("Sign-in").AllowAnonymous();
    }

    /// <summary>Signs a household in with the voting code from its letter, for that neighbourhood's cycle only.</summary>
    private static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> SignInWithCode(
        string neighbourhoodId, CodeSignInRequest request, HttpContext context, IGrainFactory grains, ILogger<CodeSignInRequest> logger)
    {
        var signIn = await grains.GetGrain<IVotingCodesGrain>(neighbourhoodId).SignInAsync(request.Code ?? "");
        if (signIn is null)
        {
            // Logged without the code: a wrong code is an authentication failure worth seeing (ASVS 16.3.1), not a secret to keep.
            LogWrongCode(logger, neighbourhoodId, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return TypedResults.Problem("This voting code is not valid for this neighbourhood. Check the letter and try again.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Wrong voting code");
        }
        // A new session every time (ASVS 7.2.4): the cookie is issued fresh on each sign-in.
        await context.SignInAsync(Residents.Scheme, Residents.Principal(signIn.NeighbourhoodId, signIn.CycleId, signIn.VoterKey));
        return TypedResults.Ok(new SignedIn(signIn.NeighbourhoodId, signIn.CycleId));
    }

    private static async Task<NoContent> SignOut(HttpContext context)
    {
        await context.SignOutAsync(Residents.Scheme);
        return TypedResults.NoContent();
    }

    private static Delegate SignOutHandler => SignOut;

    [LoggerMessage(LogLevel.Warning, "Wrong voting code for neighbourhood {NeighbourhoodId} from {Client}")]
    private static partial void LogWrongCode(ILogger logger, string neighbourhoodId, string client);
}
