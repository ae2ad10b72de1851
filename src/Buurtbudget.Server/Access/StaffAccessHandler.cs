using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Runtime;
using Microsoft.AspNetCore.Authorization;

namespace Buurtbudget.Server.Access;

/// <summary>
/// Decides every staff requirement the same way: the place comes from the route (a neighbourhood id is looked up
/// to find its corporation), the person's grants from the register, and the answer from <see cref="AccessPolicy"/>.
/// A neighbourhood nobody registered, or one that belongs to another corporation than the route says, gives
/// nothing, so a foreign scope learns nothing either (403, not 404).
/// </summary>
internal sealed class StaffAccessHandler(IGrainFactory grains) : IAuthorizationHandler
{
    public const string CorporationRouteValue = "corporationId";
    public const string NeighbourhoodRouteValue = "neighbourhoodId";

    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            bool allowed = requirement switch
            {
                StaffRequirement staff => await AllowsAsync(context, staff.Action),
                PlatformOperatorRequirement => IsPlatformOperator(context),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }

    private async Task<bool> AllowsAsync(AuthorizationHandlerContext context, StaffAction action)
    {
        if (context.User.Member() is not { } member || context.Resource is not HttpContext http)
        {
            return false;
        }
        var register = grains.GetGrain<IRegisterGrain>(RegisterGrain.Key);
        string? corporationId = http.GetRouteValue(CorporationRouteValue) as string;
        string? neighbourhoodId = http.GetRouteValue(NeighbourhoodRouteValue) as string;
        if (neighbourhoodId is not null)
        {
            if (await register.FindNeighbourhoodAsync(neighbourhoodId) is not { } neighbourhood
                || (corporationId is not null && corporationId != neighbourhood.CorporationId))
            {
                return false;
            }
            corporationId = neighbourhood.CorporationId;
        }
        return corporationId is not null && AccessPolicy.Allows(await register.GetGrantsAsync(member), action, corporationId, neighbourhoodId);
    }

    private static bool IsPlatformOperator(AuthorizationHandlerContext context) =>
        context.User.Member() is { } member && context.Resource is HttpContext http
        && http.RequestServices.IsPlatformOperator(member);
}
