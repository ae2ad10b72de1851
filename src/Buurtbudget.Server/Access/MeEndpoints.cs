using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Residence;
using Buurtbudget.Server.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Access;

/// <summary>What the signed-in person may do, so a front end shows only what will work.</summary>
internal static class MeEndpoints
{
    /// <param name="Resident">The cycle a voting code opened (null for an account).</param>
    /// <param name="Residences">Every cycle this person may act in as a resident: the voting code's one, or the
    /// cycles whose identity provider and claim admit the account.</param>
    public sealed record Me(bool SignedIn, ResidentOf? Resident, ImmutableArray<ResidentOf> Residences, StaffOf? Staff);

    public sealed record ResidentOf(string NeighbourhoodId, string CycleId);

    public sealed record StaffOf(string Issuer, string Subject, string? Name, string? Provider, bool PlatformOperator, ImmutableArray<StaffGrant> Grants);

    public static void MapMeEndpoints(this WebApplication app) => app.MapGet("/api/me", GetMe).WithTags("Sign-in").AllowAnonymous();

    private static async Task<Ok<Me>> GetMe(ClaimsPrincipal user, IGrainFactory grains, ResidentCheck residents, IServiceProvider services)
    {
        var resident = user.FindFirstValue(Residents.CredentialClaim) is not null
            ? new ResidentOf(user.FindFirstValue(Residents.NeighbourhoodClaim)!, user.FindFirstValue(Residents.CycleClaim)!)
            : null;
        var residences = (await residents.CyclesOfAsync(user)).Select(c => new ResidentOf(c.NeighbourhoodId, c.CycleId)).ToImmutableArray();
        StaffOf? staff = null;
        if (user.Member() is { } member)
        {
            var grants = await grains.GetGrain<IRegisterGrain>(RegisterGrain.Key).GetGrantsAsync(member);
            staff = new StaffOf(member.Issuer, member.Subject, user.FindFirstValue(StaffIdentity.NameClaim), user.FindFirstValue(StaffIdentity.ProviderClaim),
                services.IsPlatformOperator(member), grants);
        }
        return TypedResults.Ok(new Me(resident is not null || staff is not null, resident, residences, staff));
    }
}
