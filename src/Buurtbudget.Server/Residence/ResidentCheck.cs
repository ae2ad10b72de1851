using System.Collections.Immutable;
using System.Security.Claims;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Residence;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Server.Hosting;
using Buurtbudget.Server.SignIn;
using Buurtbudget.Server.SignIn.IdentityProviders;

namespace Buurtbudget.Server.Residence;

/// <summary>Whether a signed-in person is a resident of a cycle: admitted with their voter key, or refused with a reason they can act on.</summary>
internal abstract record ResidentDecision
{
    private ResidentDecision() { }

    /// <summary><paramref name="ByAccount"/>: admitted through the identity provider, so the session's principal
    /// does not carry the cycle's claims yet.</summary>
    public sealed record Admitted(string VoterKey, bool ByAccount) : ResidentDecision;

    public sealed record Refused(string Title, string Detail) : ResidentDecision;

    /// <summary>Not signed in as anyone who could be a resident.</summary>
    public sealed record Nobody : ResidentDecision;
}

/// <summary>
/// The one place that decides residence, by the cycle's <see cref="CycleEligibility"/>, for the resident policy
/// (<see cref="ResidentAccessHandler"/>), for public pages that mark what is "mine", and for <c>GET /api/me</c>:
/// <list type="bullet">
/// <item>a voting-code session is a resident of the one cycle its code opens, while the code is live;</item>
/// <item>an identity-provider session is a resident when the cycle takes residents from that provider (same issuer)
/// and the claim the cycle names holds one of its values. Its voter key is a keyed digest of issuer and subject
/// (<see cref="PersonKeys.VoterKey"/>), so no subject reaches proposals or the ballot box.</item>
/// </list>
/// Every check is an in-memory grain read: no database round trip per request.
/// </summary>
internal sealed class ResidentCheck(IGrainFactory grains, IdentityProviderRegistry providers, ServerSecrets secrets)
{
    public async Task<ResidentDecision> DecideAsync(ClaimsPrincipal user, string neighbourhoodId, string cycleId)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new ResidentDecision.Nobody();
        }
        if (user.FindFirstValue(Residents.CredentialClaim) is { } credential)
        {
            if (user.FindFirstValue(Residents.NeighbourhoodClaim) != neighbourhoodId || user.FindFirstValue(Residents.CycleClaim) != cycleId)
            {
                return new ResidentDecision.Refused("Not your neighbourhood", "Your voting code is for another neighbourhood or cycle.");
            }
            // A letter went astray and was replaced or revoked: the session signed in with it may no longer act.
            return await grains.GetGrain<IVotingCodesGrain>(neighbourhoodId).IsLiveAsync(credential)
                ? new ResidentDecision.Admitted(user.FindFirstValue(Residents.VoterKeyClaim)!, ByAccount: false)
                : new ResidentDecision.Refused("Voting code revoked", "This voting code was revoked. Ask your housing corporation for a new letter.");
        }
        if (user.IdentityOf() is not { } person)
        {
            return new ResidentDecision.Nobody();
        }
        var eligibility = await grains.GetGrain<ICycleEligibilityGrain>(CycleKey.Of(neighbourhoodId, cycleId)).GetAsync();
        if (eligibility is not { Residents: ResidentSource.IdentityProvider, Provider: { } rule })
        {
            return new ResidentDecision.Refused("Sign in with your voting code",
                "The residents of this budget cycle sign in with the voting code from their letter, not with an account.");
        }
        var provider = providers.Find(rule.Name);
        if (provider is null || provider.Options.Authority != person.Issuer)
        {
            return new ResidentDecision.Refused("Sign in with your housing corporation's account",
                $"The residents of this budget cycle sign in with {provider?.DisplayName ?? rule.Name}; you signed in with another account.");
        }
        if (!rule.Admits(user.Values(rule.Claim)))
        {
            return new ResidentDecision.Refused("Not a resident of this neighbourhood",
                $"Your account at {provider.DisplayName} does not say that you live in this neighbourhood, so you cannot take part in this budget cycle. "
                + "If you do live here, ask your housing corporation to check your account and then sign in again.");
        }
        return new ResidentDecision.Admitted(secrets.People.VoterKey(person.Issuer, person.Subject), ByAccount: true);
    }

    /// <summary>The voter key when the person is a resident of this cycle, for public pages that mark what is theirs.</summary>
    public async Task<string?> VoterInAsync(ClaimsPrincipal user, string neighbourhoodId, string cycleId) =>
        await DecideAsync(user, neighbourhoodId, cycleId) is ResidentDecision.Admitted admitted ? admitted.VoterKey : null;

    /// <summary>
    /// Every cycle this person is a resident of: the one cycle of a voting code, or the cycles whose provider is the
    /// one they signed in with and whose claim admits them (found through <see cref="IProviderCyclesGrain"/>).
    /// </summary>
    public async Task<ImmutableArray<(string NeighbourhoodId, string CycleId)>> CyclesOfAsync(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(Residents.CredentialClaim) is not null)
        {
            var (n, c) = (user.FindFirstValue(Residents.NeighbourhoodClaim)!, user.FindFirstValue(Residents.CycleClaim)!);
            return await DecideAsync(user, n, c) is ResidentDecision.Admitted ? [(n, c)] : [];
        }
        if (user.IdentityOf() is not { } person)
        {
            return [];
        }
        var cycles = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var provider in providers.All.Where(p => p.Options.Authority == person.Issuer))
        {
            foreach (var key in await grains.GetGrain<IProviderCyclesGrain>(provider.Name).ListAsync())
            {
                var (n, c) = CycleKey.Split(key);
                if (await DecideAsync(user, n, c) is ResidentDecision.Admitted)
                {
                    cycles.Add((n, c));
                }
            }
        }
        return cycles.ToImmutable();
    }
}
