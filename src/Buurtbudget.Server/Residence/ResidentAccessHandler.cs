using System.Security.Claims;
using Buurtbudget.Server.SignIn;
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
/// signed-in person is a resident of the route's cycle (<see cref="ResidentCheck"/>). An account resident's voter
/// key joins the principal as a claim, so endpoints read it the same way for both (<see cref="Residents.VoterIn"/>).
/// </summary>
internal sealed class ResidentAccessHandler(ResidentCheck residents) : AuthorizationHandler<ResidentRequirement>
{
    public const string ResidenceAuthenticationType = "residence";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ResidentRequirement requirement)
    {
        if (context.Resource is not HttpContext http
            || http.GetRouteValue(Access.StaffAccessHandler.NeighbourhoodRouteValue) is not string neighbourhoodId
            || http.GetRouteValue("cycleId") is not string cycleId)
        {
            return;
        }
        switch (await residents.DecideAsync(context.User, neighbourhoodId, cycleId))
        {
            case ResidentDecision.Admitted { ByAccount: true } admitted:
                context.User.AddIdentity(new ClaimsIdentity(
                    [
                        new Claim(Residents.NeighbourhoodClaim, neighbourhoodId),
                        new Claim(Residents.CycleClaim, cycleId),
                        new Claim(Residents.VoterKeyClaim, admitted.VoterKey),
                    ], ResidenceAuthenticationType));
                context.Succeed(requirement);
                break;
            case ResidentDecision.Admitted:
                context.Succeed(requirement);
                break;
            case ResidentDecision.Refused refused:
                context.Fail(new ResidentRefusal(this, refused.Title, refused.Detail));
                break;
        }
    }
}
