using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Access;

/// <summary>What the signed-in person may do, so a front end shows only what will work.</summary>
internal static class MeEndpoints
{
    public sealed record Me(bool SignedIn, ResidentOf? Resident, StaffOf? Staff);

    public sealed record ResidentOf(string NeighbourhoodId, string CycleId);

    public sealed record StaffOf(string Issuer, string Subject, string? Name, string? Provider, bool PlatformOperator, ImmutableArray<StaffGrant> Grants);

    public static void MapMeEndpoints(this WebApplication app) => app.MapGet("/api/me", GetMe).WithTags("Sign-in").AllowAnonymous();

    private static async Task<Ok<Me>> GetMe(ClaimsPrincipal user, IGrainFactory grains, IServiceProvider services)
    {
        var resident = user.FindFirstValue(Residents.VoterKeyClaim) is not null
            ? new ResidentOf(user.FindFirstValue(Residents.NeighbourhoodClaim)!, user.FindFirstValue(Residents.CycleClaim)!)
            : null;
        StaffOf? staff = null;
        if (user.Member() is { } member)
        {
            var grants = await grains.GetGrain<IRegisterGrain>(RegisterGrain.Key).GetGrantsAsync(member);
            staff = new StaffOf(member.Issuer, member.Subject, user.FindFirstValue(StaffIdentity.NameClaim), user.FindFirstValue(StaffIdentity.ProviderClaim),
                services.IsPlatformOperator(member), grants);
        }
        return TypedResults.Ok(new Me(resident is not null || staff is not null, resident, staff));
    }
}
