using System.Security.Claims;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Server.Hosting;
using Buurtbudget.Server.SignIn;

namespace Buurtbudget.Server.Access;

/// <summary>Who a signed-in member of staff is: the identity provider's issuer and subject, nothing else.</summary>
internal static class StaffPrincipal
{
    /// <summary>The person behind an identity-provider session (<see cref="StaffIdentity"/>); null for voting-code sessions.</summary>
    public static StaffMember? Member(this ClaimsPrincipal user) =>
        user.IdentityOf() is { } identity ? new StaffMember(identity.Issuer, identity.Subject) : null;

    /// <summary>Platform operators are named in configuration, not in the register: they exist before any corporation.</summary>
    public static bool IsPlatformOperator(this IServiceProvider services, StaffMember member) =>
        services.Buurtbudget().PlatformOperators.Any(o => o.Issuer == member.Issuer && o.Subject == member.Subject);
}
