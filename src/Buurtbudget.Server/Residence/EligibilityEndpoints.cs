using System.Security.Claims;
using Buurtbudget.Domain.Access;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Residence;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Access;
using Buurtbudget.Server.SignIn.IdentityProviders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Residence;

/// <summary>Who the residents of a cycle are: set by its administrators before voting opens, public to everyone.</summary>
internal static class EligibilityEndpoints
{
    public static void MapEligibilityEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/eligibility").WithTags("Budget cycles");
        group.MapGet("/", Get).AllowAnonymous();
        group.MapPut("/", Set).RequireStaff(StaffAction.ManageCycles);
    }

    /// <summary>Where the cycle's residents come from, so the sign-in page can offer the right way in.</summary>
    private static async Task<Ok<CycleEligibility>> Get(string neighbourhoodId, string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleEligibilityGrain>(CycleKey.Of(neighbourhoodId, cycleId)).GetAsync());

    /// <summary>Changes who may take part, until voting opens.</summary>
    private static async Task<Ok<CycleEligibility>> Set(
        string neighbourhoodId, string cycleId, CycleEligibility request, ClaimsPrincipal user, IGrainFactory grains, IdentityProviderRegistry providers,
        ILogger<CycleEligibility> logger)
    {
        Check(request, providers);
        var set = await grains.GetGrain<ICycleEligibilityGrain>(CycleKey.Of(neighbourhoodId, cycleId)).SetAsync(request);
        StaffAudit.Record(logger, user, $"eligibility-{set.Residents}", neighbourhoodId, cycleId);
        return TypedResults.Ok(set);
    }

    /// <summary>Sets the eligibility chosen when the cycle was created (after <see cref="Check"/> passed).</summary>
    public static async Task SetAtCreationAsync(IGrainFactory grains, string neighbourhoodId, string cycleId, CycleEligibility? eligibility)
    {
        if (eligibility is not null)
        {
            await grains.GetGrain<ICycleEligibilityGrain>(CycleKey.Of(neighbourhoodId, cycleId)).SetAsync(eligibility);
        }
    }

    /// <summary>Refuses (400, nothing written) rules that name a provider this server does not have, or a claim its
    /// sessions do not keep: residents would be refused at every step without anyone seeing why.</summary>
    public static void Check(CycleEligibility? eligibility, IdentityProviderRegistry providers)
    {
        if (eligibility is null)
        {
            return;
        }
        if (eligibility.WhyNot() is { } why)
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand, why);
        }
        if (eligibility.Provider is not { } rule)
        {
            return;
        }
        if (providers.Find(rule.Name) is not { } provider)
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand,
                $"This server has no identity provider named '{rule.Name}'; GET /api/identity-providers lists the ones it has.");
        }
        if (!provider.Options.ResidentClaimNames.Contains(rule.Claim, StringComparer.Ordinal))
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand,
                $"Sessions from {provider.DisplayName} do not keep the claim '{rule.Claim}'; the operator adds it to Buurtbudget:IdentityProviders:{rule.Name}:ResidentClaims.");
        }
    }

    /// <summary>The manifest's eligibility when voting opens: the census of code holders, or anyone the provider's
    /// claim admits (checked per request by <see cref="ResidentAccessHandler"/>). A census for a provider cycle
    /// would refuse every resident, so it is refused.</summary>
    public static async Task<Eligibility> ManifestEligibilityAsync(IGrainFactory grains, string neighbourhoodId, string cycleId, Eligibility? asked)
    {
        var residents = (await grains.GetGrain<ICycleEligibilityGrain>(CycleKey.Of(neighbourhoodId, cycleId)).GetAsync()).Residents;
        if (residents == ResidentSource.IdentityProvider && asked == Eligibility.Census)
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand,
                "The residents of this cycle sign in with an identity provider and are on no census; leave out 'eligibility'.");
        }
        return asked ?? (residents == ResidentSource.IdentityProvider ? Eligibility.AnySignedInResident : Eligibility.Census);
    }
}
