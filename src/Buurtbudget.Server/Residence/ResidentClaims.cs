using System.Security.Claims;

namespace Buurtbudget.Server.Residence;

/// <summary>The identity provider's claims a session keeps for eligibility (see <c>IdentityProviderOptions.ResidentClaims</c>).</summary>
internal static class ResidentClaims
{
    /// <summary>Kept claims are renamed with this prefix, so an ID token's claim can never pose as one of ours (iss, sub, voter, …).</summary>
    public const string Prefix = "idp:";

    public const int MaxValues = 100;
    public const int MaxValueLength = 200;

    public static IEnumerable<string> Values(this ClaimsPrincipal user, string claim) =>
        user.FindAll(Prefix + claim).Select(c => c.Value);
}
