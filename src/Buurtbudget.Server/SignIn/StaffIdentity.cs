using System.Security.Claims;

namespace Buurtbudget.Server.SignIn;

/// <summary>
/// The claims of a person signed in through an OpenID Connect provider (residents through their corporation's
/// provider, staff through a staff provider), and how to read them. A person is identified by issuer + subject
/// only (ASVS 10.3.3/10.5.2): subjects are unique per issuer, never across issuers, and name and email can change
/// or be reused. Roles (resident/moderator/administrator/auditor per corporation and neighbourhood) are looked up
/// by issuer and subject (<see cref="IdentityOf"/>, which <c>Access/StaffPrincipal.Member</c> builds on), never by
/// name or email.
/// </summary>
internal static class StaffIdentity
{
    /// <summary>The <see cref="ClaimsIdentity.AuthenticationType"/> of these sessions; voting-code sessions carry <see cref="Residents.Scheme"/>.</summary>
    public const string AuthenticationType = "oidc";
    public const string IssuerClaim = "iss";
    public const string SubjectClaim = "sub";
    /// <summary>The configured provider name the person came through (display and logging; not part of the identity).</summary>
    public const string ProviderClaim = "idp";
    public const string NameClaim = "name";
    public const string EmailClaim = "email";

    public static ClaimsPrincipal Principal(string issuer, string subject, string provider, string? name, string? email,
        IEnumerable<(string Claim, string Value)>? residentClaims = null)
    {
        var claims = new List<Claim>
        {
            new(IssuerClaim, issuer),
            new(SubjectClaim, subject),
            new(ProviderClaim, provider),
        };
        if (!string.IsNullOrWhiteSpace(name))
        {
            claims.Add(new Claim(NameClaim, name));
        }
        if (!string.IsNullOrWhiteSpace(email))
        {
            claims.Add(new Claim(EmailClaim, email));
        }
        claims.AddRange((residentClaims ?? []).Select(c => new Claim(Residence.ResidentClaims.Prefix + c.Claim, c.Value)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, NameClaim, ClaimTypes.Role));
    }

    /// <summary>Issuer and subject when this user signed in through an identity provider; null otherwise.</summary>
    public static (string Issuer, string Subject)? IdentityOf(this ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == AuthenticationType) is { } identity
        && identity.FindFirst(IssuerClaim)?.Value is { Length: > 0 } issuer
        && identity.FindFirst(SubjectClaim)?.Value is { Length: > 0 } subject
            ? (issuer, subject)
            : null;
}
