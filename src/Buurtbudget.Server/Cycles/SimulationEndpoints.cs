using System.Collections.Immutable;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Cycles;

/// <summary>
/// Before voting: every rule on the cycle's proposals with seeded synthetic ballots, side by side, so the
/// corporation sees what its choice of rule changes before it is frozen. Changes nothing.
/// </summary>
internal static class SimulationEndpoints
{
    public const int MaxVoters = 5_000;

    public sealed record SimulationRequest(int? Voters, int? Seed);

    public sealed record SimulatedRule(RuleKind Rule, Utility Utility, Completion Completion, ImmutableArray<string> Selected, long SpentCents, long LeftCents);

    public sealed record Simulation(int Voters, int Seed, ImmutableArray<BallotProject> Projects, ImmutableArray<SimulatedRule> Results);

    public static void MapSimulationEndpoints(this WebApplication app) =>
        app.MapPost("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/simulation", Simulate)
            .WithTags("Budget cycles").RequireStaff(StaffAction.ReadAdministration);

    private static async Task<Results<Ok<Simulation>, ProblemHttpResult>> Simulate(
        string neighbourhoodId, string cycleId, SimulationRequest request, IGrainFactory grains)
    {
        int voters = request.Voters ?? 500, seed = request.Seed ?? 1;
        if (voters is < 1 or > MaxVoters)
        {
            return TypedResults.Problem($"Simulate between 1 and {MaxVoters:N0} voters.", statusCode: 400, title: "Too few or too many voters");
        }
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        // The ballot as it would be now: the feasible proposals that go forward, or, before the review, all open ones.
        var projects = await Proposals.ProposalEndpoints.FeasibleProjectsAsync(grains, neighbourhoodId, cycleId);
        if (projects.IsEmpty)
        {
            projects = await Proposals.ProposalEndpoints.OpenProjectsAsync(grains, neighbourhoodId, cycleId);
        }
        if (projects.IsEmpty)
        {
            return TypedResults.Problem("This cycle has no proposals to simulate a vote on yet.", statusCode: 409, title: "Nothing to simulate");
        }
        var election = RuleComparison.WithSyntheticApprovals(cycle.BudgetCents, [.. projects.Select(p => new Project(p.Id, p.CostCents))], voters, seed);
        var results = await Task.Run(() => RuleComparison.Compare(election));
        return TypedResults.Ok(new Simulation(voters, seed, projects, [.. results.Select(r =>
            new SimulatedRule(r.Rule.Kind, r.Rule.Utility, r.Rule.Completion, r.Selected, (long)r.TotalCost, (long)r.BudgetLeft))]));
    }
}
