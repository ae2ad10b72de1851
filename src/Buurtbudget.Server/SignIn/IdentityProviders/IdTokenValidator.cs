using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>Who the provider says signed in, after every check on the ID token passed.</summary>
/// <param name="ResidentClaims">The values of the claims the provider's configuration keeps for eligibility
/// (<see cref="Hosting.IdentityProviderOptions.ResidentClaims"/>), a list flattened to one pair per value.</param>
internal sealed record VerifiedIdentity(string Issuer, string Subject, string? Name, string? Email, IReadOnlyList<(string Claim, string Value)> ResidentClaims);

/// <summary>
/// Checks an ID token as OpenID Connect Core 3.1.3.7 asks, failing closed (ASVS 16.5.3): the signature with a key
/// from the provider's JWKS and an allow-listed asymmetric algorithm (so <c>alg: none</c> and HS* — which would make
/// the client secret a signing key — are refused), the issuer from discovery (10.2.2/10.5.3), the audience (10.5.4)
/// and <c>azp</c>, the times against the injected clock, and the nonce of this browser's flow (10.5.1).
/// </summary>
internal sealed class IdTokenValidator(TimeProvider time)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<VerifiedIdentity> ValidateAsync(IdentityProvider idp, OpenIdConnectConfiguration metadata, string idToken, Correlation correlation, CancellationToken cancellationToken)
    {
        var result = await _handler.ValidateTokenAsync(idToken, Parameters(idp, metadata));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && NamesAnUnknownKey(idToken, metadata)
            && await idp.FreshMetadataAsync(cancellationToken) is { } fresh)
        {
            // A key id we have not seen: the provider may have rotated its keys. One more try with its JWKS of now.
            metadata = fresh;
            result = await _handler.ValidateTokenAsync(idToken, Parameters(idp, metadata));
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            throw Rejected(idp, result.Exception);
        }

        var subject = token.Subject;
        if (string.IsNullOrEmpty(subject))
        {
            throw Invalid(idp, "it does not say who you are", "id token without sub");
        }
        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var issuedAt)
            || DateTimeOffset.FromUnixTimeSeconds(issuedAt) > time.GetUtcNow() + ClockSkew)
        {
            throw Invalid(idp, "its issue time is missing or in the future (check the clocks)", "id token iat missing or in the future");
        }
        var audiences = token.Audiences.ToList();
        token.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Azp, out var authorizedParty);
        if ((audiences.Count > 1 || authorizedParty is not null) && authorizedParty != idp.Options.ClientId)
        {
            throw Invalid(idp, "it was issued to another application", "id token azp is not our client id");
        }
        if (!token.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Nonce, out var nonce) || !FlowSecrets.FixedTimeEquals(correlation.Nonce, nonce))
        {
            throw Invalid(idp, "it belongs to another sign-in (nonce mismatch)", "id token nonce does not match this flow");
        }
        token.TryGetPayloadValue<string>("name", out var name);
        token.TryGetPayloadValue<string>("email", out var email);
        // Bounded, so a provider that lists thousands of groups cannot make the cookie too large to send back.
        var kept = idp.Options.ResidentClaimNames
            .SelectMany(claim => token.Claims.Where(c => c.Type == claim && c.Value.Length <= Residence.ResidentClaims.MaxValueLength).Select(c => (claim, c.Value)))
            .Take(Residence.ResidentClaims.MaxValues).ToList();
        return new VerifiedIdentity(metadata.Issuer, subject, name, email, kept);
    }

    /// <summary>
    /// Worth fetching the keys again only for an allowed algorithm and a key id the cached JWKS lacks: an HS256 or
    /// unsigned token, or one without a key id, would fail with any keys.
    /// </summary>
    private bool NamesAnUnknownKey(string idToken, OpenIdConnectConfiguration metadata)
    {
        if (!_handler.CanReadToken(idToken))
        {
            return false;
        }
        var header = _handler.ReadJsonWebToken(idToken);
        return !string.IsNullOrEmpty(header.Kid) && Algorithms.Contains(header.Alg, StringComparer.Ordinal)
            && !metadata.SigningKeys.Any(key => key.KeyId == header.Kid);
    }

    private TokenValidationParameters Parameters(IdentityProvider idp, OpenIdConnectConfiguration metadata) => new()
    {
        ValidIssuer = metadata.Issuer,
        ValidAudience = idp.Options.ClientId,
        IssuerSigningKeys = metadata.SigningKeys,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
        // The library's own lifetime check reads the system clock (its TimeProvider setter is not public in 8.16);
        // this one reads the injected clock. Returning false makes the handler refuse the token as not-yet/no-longer valid.
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            // The skew moves "now", never the token's times: the library passes DateTime.MinValue for a missing nbf,
            // and MinValue minus the skew would throw instead of refusing.
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } end && now - ClockSkew <= end && (notBefore is not { } start || now + ClockSkew >= start);
        },
    };

    private static SignInFailure Invalid(IdentityProvider idp, string why, string reason) =>
        SignInFailure.StartAgain(StatusCodes.Status401Unauthorized, "The sign-in could not be verified",
            $"The identity statement from {idp.DisplayName} was refused: {why}.", reason);

    /// <summary>A sentence per kind of failure; the log gets the kind only (library messages can quote token parts).</summary>
    private static SignInFailure Rejected(IdentityProvider idp, Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => Invalid(idp, $"it was not issued by {idp.DisplayName}", "id token issuer"),
        SecurityTokenInvalidAudienceException => Invalid(idp, "it was issued to another application", "id token audience"),
        SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenInvalidLifetimeException or SecurityTokenNoExpirationException =>
            Invalid(idp, "it has expired or is not valid yet (check the clocks)", "id token lifetime"),
        SecurityTokenInvalidAlgorithmException or SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            Invalid(idp, "its signature could not be verified", $"id token signature ({exception.GetType().Name})"),
        _ => Invalid(idp, "it is not a valid ID token", $"id token invalid ({exception?.GetType().Name ?? "unknown"})"),
    };
}
