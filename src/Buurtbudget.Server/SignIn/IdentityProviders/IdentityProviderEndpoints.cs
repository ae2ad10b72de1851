using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// Sign-in with an OpenID Connect provider: authorization code flow with PKCE (S256), state and nonce, run by this
/// server as a confidential or public client (RFC 9700). All GETs; the only state they change is the sign-in itself
/// (the correlation cookie and, at the end, the session cookie).
/// </summary>
internal static partial class IdentityProviderEndpoints
{
    public sealed record ProviderChoice(string Name, string DisplayName);

    public static void MapIdentityProviderSignIn(this WebApplication app)
    {
        // Public: these are how one signs in. GET /api/me (Access/MeEndpoints.cs) shows the result.
        var group = app.MapGroup("/api").WithTags("Sign-in").AllowAnonymous();
        group.MapGet("/identity-providers", ListProviders);
        group.MapGet("/sign-in/{provider}", StartSignIn).RequireRateLimiting(SignInExtensions.IdentityProviderSignInsPolicy);
        group.MapGet("/sign-in/{provider}/callback", FinishSignIn).RequireRateLimiting(SignInExtensions.IdentityProviderSignInsPolicy);
    }

    /// <summary>The providers the sign-in page offers.</summary>
    private static Ok<ProviderChoice[]> ListProviders(IdentityProviderRegistry registry) =>
        TypedResults.Ok(registry.All.Select(p => new ProviderChoice(p.Name, p.DisplayName)).ToArray());

    /// <summary>Starts a flow: binds fresh secrets to this browser and sends it to the provider's authorization endpoint.</summary>
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> StartSignIn(
        string provider, string? returnUrl, HttpContext context, IdentityProviderRegistry registry, CorrelationCookie cookie,
        TimeProvider time, ILogger<IdentityProviderRegistry> logger, CancellationToken cancellationToken)
    {
        try
        {
            var idp = registry.Find(provider) ?? throw UnknownProvider(provider);
            returnUrl = string.IsNullOrEmpty(returnUrl) ? ReturnUrls.Default : returnUrl;
            if (!ReturnUrls.IsLocal(returnUrl))
            {
                throw new SignInFailure(StatusCodes.Status400BadRequest, "Return address not allowed",
                    "After signing in you can only be sent to a page of this site; the return address must be a path such as /neighbourhoods/oost.",
                    "return URL is not a local path");
            }
            var metadata = await idp.MetadataAsync(cancellationToken);
            var correlation = Correlation.Start(idp.Name, returnUrl, CallbackUri(context.Request, idp.Name), time);
            cookie.Write(context, correlation);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Redirect(QueryHelpers.AddQueryString(metadata.AuthorizationEndpoint, new Dictionary<string, string?>
            {
                ["response_type"] = "code",
                ["client_id"] = idp.Options.ClientId,
                ["redirect_uri"] = correlation.RedirectUri,
                ["scope"] = idp.Options.Scopes,
                ["state"] = correlation.State,
                ["nonce"] = correlation.Nonce,
                ["code_challenge"] = FlowSecrets.S256Challenge(correlation.CodeVerifier),
                ["code_challenge_method"] = "S256",
            }));
        }
        catch (SignInFailure failure)
        {
            return Problem(context, logger, provider, failure);
        }
    }

    /// <summary>
    /// The provider sends the browser back here. Every check runs before anything is believed: the flow must be this
    /// browser's (cookie), unused, for this provider and with the same state; then the code is redeemed with the PKCE
    /// verifier and the ID token verified. Only then is a new session issued (ASVS 7.2.4).
    /// </summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> FinishSignIn(
        string provider, string? code, string? state, string? error, string? iss, HttpContext context,
        IdentityProviderRegistry registry, CorrelationCookie cookie, SpentCorrelations spent, TokenClient tokens, IdTokenValidator validator,
        ILogger<IdentityProviderRegistry> logger, CancellationToken cancellationToken)
    {
        try
        {
            var idp = registry.Find(provider) ?? throw UnknownProvider(provider);
            var correlation = cookie.Take(context) ?? throw SignInFailure.StartAgain(StatusCodes.Status400BadRequest, "Sign-in expired",
                "This sign-in was not started in this browser, took longer than 10 minutes or was already finished.", "no valid correlation cookie");
            if (correlation.Provider != idp.Name)
            {
                throw SignInFailure.StartAgain(StatusCodes.Status400BadRequest, "Sign-in mixed up",
                    $"This browser started a sign-in with another provider, not {idp.DisplayName}.", "correlation cookie is for another provider");
            }
            if (!spent.TrySpend(correlation))
            {
                throw SignInFailure.StartAgain(StatusCodes.Status400BadRequest, "Sign-in already used",
                    "This sign-in was already finished once; it cannot be used again.", "replayed callback");
            }
            if (!FlowSecrets.FixedTimeEquals(correlation.State, state))
            {
                throw SignInFailure.StartAgain(StatusCodes.Status400BadRequest, "Sign-in does not match",
                    "The answer from the identity provider does not belong to the sign-in this browser started.", "state mismatch");
            }
            var metadata = await idp.MetadataAsync(cancellationToken);
            // RFC 9207: when the provider names itself in the response, it must be the one we sent the browser to (mix-up defence).
            if (iss is not null && iss != metadata.Issuer)
            {
                throw SignInFailure.StartAgain(StatusCodes.Status400BadRequest, "Sign-in mixed up",
                    $"The answer came from another identity provider than {idp.DisplayName}.", "authorization response iss mismatch");
            }
            if (error is not null)
            {
                throw ProviderError(idp, error);
            }
            if (string.IsNullOrEmpty(code))
            {
                throw SignInFailure.StartAgain(StatusCodes.Status400BadRequest, "Sign-in incomplete",
                    $"{idp.DisplayName} sent the browser back without a result.", "callback without code or error");
            }

            var idToken = await tokens.RedeemAsync(idp, metadata, code, correlation, cancellationToken);
            var identity = await validator.ValidateAsync(idp, metadata, idToken, correlation, cancellationToken);
            await context.SignInAsync(Residents.Scheme,
                StaffIdentity.Principal(identity.Issuer, identity.Subject, idp.Name, identity.Name, identity.Email, identity.ResidentClaims));
            IdentityProviderLog.SignedIn(logger, idp.Name);
            return ContinuePage.For(context, correlation.ReturnUrl);
        }
        catch (SignInFailure failure)
        {
            return Problem(context, logger, provider, failure);
        }
    }

    /// <summary>The redirect URI to register at the provider: this site's own callback for that provider.</summary>
    public static string CallbackUri(HttpRequest request, string provider) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/api/sign-in/{provider}/callback";

    private static SignInFailure UnknownProvider(string provider) => new(StatusCodes.Status404NotFound, "No such identity provider",
        "This site does not offer sign-in with that provider; GET /api/identity-providers lists the ones it does.", "unknown provider");

    /// <summary>RFC 6749 4.1.2.1: the provider said no. Only a well-formed error code is echoed back, never its free text.</summary>
    private static SignInFailure ProviderError(IdentityProvider idp, string error)
    {
        var code = ErrorCode().IsMatch(error) ? error : "unknown_error";
        return code == "access_denied"
            ? new SignInFailure(StatusCodes.Status401Unauthorized, "Sign-in cancelled",
                $"The sign-in was cancelled or refused at {idp.DisplayName}. To try again, go back to the sign-in page.", "provider error access_denied")
            : SignInFailure.StartAgain(StatusCodes.Status400BadRequest, $"{idp.DisplayName} could not sign you in",
                $"{idp.DisplayName} answered with the error '{code}'.", $"provider error {code}");
    }

    private static ProblemHttpResult Problem(HttpContext context, ILogger logger, string provider, SignInFailure failure)
    {
        IdentityProviderLog.Refused(logger, ErrorCode().IsMatch(provider) ? provider : "(invalid name)", failure.Status, failure.Reason);
        if (failure.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "60"; // the provider is down or misconfigured; starting again later may work
        }
        return TypedResults.Problem(failure.Message, statusCode: failure.Status, title: failure.Title);
    }

    [GeneratedRegex("^[a-z0-9_.-]{1,64}$")]
    private static partial Regex ErrorCode();
}
