using System.Security.Claims;
using Buurtbudget.Grains.Residence;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Server.Hosting;
using Buurtbudget.Server.SignIn;
using Buurtbudget.Server.SignIn.IdentityProviders;
using Microsoft.AspNetCore.Authorization;

namespace Buurtbudget.Server.Residence;

/// <summary>The endpoint is for residents of the cycle named by its route (the resident policy).</summary>
internal sealed record ResidentRequirement : IAuthorizationRequirement;

/// <summary>Why a signed-in person is not a resident of this cycle, said so they can act on it (403).</summary>
internal sealed class ResidentRefusal(IAuthorizationHandler handler, string title, string detail) : AuthorizationFailureReason(handler, detail)
{
    public string Title { get; } = title;
}

/// <summary>
/// Decides for every resident endpoint (ballots, proposals, support, pledges, amendments, comments) whether the
/// signed-in person is a resident of the route's cycle, by the cycle's <see cref="CycleEligibility"/>:
/// <list type="bullet">
/// <item>a voting-code session is a resident of the one cycle its code opens, while the code is live;</item>
/// <item>an identity-provider session is a resident when the cycle takes residents from that provider (same issuer)
/// and the claim the cycle names holds one of its values. Its voter key is a keyed digest of issuer and subject
/// (<see cref="PersonKeys.VoterKey"/>), so no subject reaches proposals or the ballot box.</item>
/// </list>
/// On success the voter key joins the principal as a claim, so endpoints read it the same way for both
/// (<see cref="Residents.VoterIn"/>). The checks are in-memory grain reads: no database round trip per request.
/// </summary>
internal sealed class ResidentAccessHandler(IGrainFactory grains, IdentityProviderRegistry providers, ServerSecrets secrets) : AuthorizationHandler<ResidentRequirement>
{
    public const string ResidenceAuthenticationType = "residence";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ResidentRequirement requirement)
    {
        if (context.Resource is not HttpContext http
            || http.GetRouteValue(Access.StaffAccessHandler.NeighbourhoodRouteValue) is not string neighbourhoodId
            || http.GetRouteValue("cycleId") is not string cycleId
            || context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var user = context.User;
        if (user.FindFirstValue(Residents.CredentialClaim) is { } credential)
        {
            if (user.FindFirstValue(Residents.NeighbourhoodClaim) != neighbourhoodId || user.FindFirstValue(Residents.CycleClaim) != cycleId)
            {
                context.Fail(new ResidentRefusal(this, "Not your neighbourhood", "Your voting code is for another neighbourhood or cycle."));
            }
            else if (!await grains.GetGrain<IVotingCodesGrain>(neighbourhoodId).IsLiveAsync(credential))
            {
                // A letter went astray and was replaced or revoked: the session signed in with it may no longer act.
                context.Fail(new ResidentRefusal(this, "Voting code revoked", "This voting code was revoked. Ask your housing corporation for a new letter."));
            }
            else
            {
                context.Succeed(requirement);
            }
            return;
        }
        if (user.IdentityOf() is not { } person)
        {
            return;
        }
        var eligibility = await grains.GetGrain<ICycleEligibilityGrain>(CycleKey.Of(neighbourhoodId, cycleId)).GetAsync();
        if (eligibility is not { Residents: ResidentSource.IdentityProvider, Provider: { } rule })
        {
            context.Fail(new ResidentRefusal(this, "Sign in with your voting code",
                "The residents of this budget cycle sign in with the voting code from their letter, not with an account."));
            return;
        }
        var provider = providers.Find(rule.Name);
        if (provider is null || provider.Options.Authority != person.Issuer)
        {
            context.Fail(new ResidentRefusal(this, "Sign in with your housing corporation's account",
                $"The residents of this budget cycle sign in with {provider?.DisplayName ?? rule.Name}; you signed in with another account."));
            return;
        }
        if (!rule.Admits(user.Values(rule.Claim)))
        {
            context.Fail(new ResidentRefusal(this, "Not a resident of this neighbourhood",
                $"Your account at {provider.DisplayName} does not say that you live in this neighbourhood, so you cannot take part in this budget cycle. "
                + "If you do live here, ask your housing corporation to check your account and then sign in again."));
            return;
        }
        user.AddIdentity(new ClaimsIdentity(
            [
                new Claim(Residents.NeighbourhoodClaim, neighbourhoodId),
                new Claim(Residents.CycleClaim, cycleId),
                new Claim(Residents.VoterKeyClaim, secrets.People.VoterKey(person.Issuer, person.Subject)),
            ], ResidenceAuthenticationType));
        context.Succeed(requirement);
    }
}
