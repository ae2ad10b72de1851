using System.Security.Claims;

namespace Buurtbudget.Server.SignIn;

/// <summary>The claims a signed-in resident carries, and how to read them.</summary>
internal static class Residents
{
    public const string Scheme = "buurtbudget";
    public const string CookieName = "__Host-buurtbudget";
    public const string NeighbourhoodClaim = "neighbourhood";
    public const string CycleClaim = "cycle";
    public const string VoterKeyClaim = "voter";
    public const string CredentialClaim = "credential";
    public const string ResidentPolicy = "resident";

    /// <param name="credential">What the resident signed in with (a voting code's digest), checked on every
    /// action so that revoking or replacing the code ends the session.</param>
    public static ClaimsPrincipal Principal(string neighbourhoodId, string cycleId, string voterKey, string credential) => new(new ClaimsIdentity(
        [
            new Claim(NeighbourhoodClaim, neighbourhoodId),
            new Claim(CycleClaim, cycleId),
            new Claim(VoterKeyClaim, voterKey),
            new Claim(CredentialClaim, credential),
            new Claim(ClaimTypes.Role, "resident"),
        ], Scheme));

    /// <summary>The voter key if this user may vote in this neighbourhood's cycle; a code opens one cycle only.</summary>
    public static string? VoterIn(this ClaimsPrincipal user, string neighbourhoodId, string cycleId) =>
        user.FindFirstValue(NeighbourhoodClaim) == neighbourhoodId && user.FindFirstValue(CycleClaim) == cycleId
            ? user.FindFirstValue(VoterKeyClaim)
            : null;
}
