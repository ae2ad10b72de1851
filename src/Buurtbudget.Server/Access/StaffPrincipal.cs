using System.Security.Claims;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Server.Hosting;

namespace Buurtbudget.Server.Access;

/// <summary>Who a signed-in member of staff is: the identity provider's issuer and subject, nothing else.</summary>
internal static class StaffPrincipal
{
    public const string IssuerClaim = "iss";
    public const string SubjectClaim = "sub";

    public static StaffMember? Member(this ClaimsPrincipal user) =>
        user.FindFirstValue(IssuerClaim) is { Length: > 0 } issuer && user.FindFirstValue(SubjectClaim) is { Length: > 0 } subject
            ? new StaffMember(issuer, subject)
            : null;

    /// <summary>Platform operators are named in configuration, not in the register: they exist before any corporation.</summary>
    public static bool IsPlatformOperator(this IServiceProvider services, StaffMember member) =>
        services.Buurtbudget().PlatformOperators.Any(o => o.Issuer == member.Issuer && o.Subject == member.Subject);
}
