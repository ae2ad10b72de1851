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
/// Before voting: every rule on the cycle's proposals, side by side, so the corporation sees what its choice of rule
/// changes before it is frozen. The ballots are seeded synthetic ones, or real ones: the neighbourhood's previous
/// closed cycle's, or those of an imported <c>.pb</c> file, on the projects that carry over. Changes nothing.
/// </summary>
internal static class SimulationEndpoints
{
    public const int MaxVoters = 5_000;

    /// <summary>Where the simulated ballots come from.</summary>
    public enum BallotSource
    {
        /// <summary>Seeded synthetic approval ballots (<c>voters</c>, <c>seed</c>).</summary>
        Synthetic,

        /// <summary>The counted ballots of the neighbourhood's most recent earlier cycle whose vote has closed.</summary>
        PreviousCycle,

        /// <summary>The votes of the <c>.pb</c> file this cycle was imported from.</summary>
        Imported,
    }

    public sealed record SimulationRequest(int? Voters, int? Seed, BallotSource? Ballots = null);

    public sealed record SimulatedRule(RuleKind Rule, Utility Utility, Completion Completion, ImmutableArray<string> Selected, long SpentCents, long LeftCents);

    /// <summary>What real ballots could not be used: projects that did not carry over (their approvals are dropped),
    /// today's projects nobody could vote for then, and ballots left empty.</summary>
    public sealed record RealBallots(string From, int BallotsUsed, int BallotsUnusable,
        ImmutableArray<BallotProject> ProjectsNotCarriedOver, ImmutableArray<BallotProject> ProjectsWithoutBallots);

    public sealed record Simulation(int Voters, int Seed, ImmutableArray<BallotProject> Projects, ImmutableArray<SimulatedRule> Results)
    {
        public BallotSource Ballots { get; init; }

        /// <summary>With real ballots: where they came from and what of them could not be used.</summary>
        public RealBallots? Real { get; init; }
    }

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
        var source = request.Ballots ?? BallotSource.Synthetic;
        Election election;
        RealBallots? real = null;
        if (source == BallotSource.Synthetic)
        {
            election = RuleComparison.WithSyntheticApprovals(cycle.BudgetCents, [.. projects.Select(p => new Project(p.Id, p.CostCents))], voters, seed);
        }
        else
        {
            var earlier = source == BallotSource.PreviousCycle
                ? await PreviousCycleBallotsAsync(grains, neighbourhoodId, cycleId)
                : await ImportedBallotsAsync(grains, neighbourhoodId, cycleId);
            if (earlier is not { } found)
            {
                return TypedResults.Problem(source == BallotSource.PreviousCycle
                    ? "No earlier cycle of this neighbourhood has closed its vote; simulate with synthetic ballots instead."
                    : "This cycle was not imported from a .pb file with votes; simulate with synthetic ballots or the previous cycle's.",
                    statusCode: 409, title: "No real ballots to simulate with");
            }
            var carried = CarriedOverBallots.Approvals(cycle.BudgetCents, [.. projects.Select(p => new TitledProject(p.Id, p.Title, p.CostCents))],
                found.Projects, found.Ballots);
            real = new RealBallots(found.From, carried.BallotsUsed, carried.BallotsUnusable,
                [.. carried.NotCarriedOver.Select(p => new BallotProject(p.Id, p.Title, (long)p.Cost))],
                [.. carried.WithoutBallots.Select(p => new BallotProject(p.Id, p.Title, (long)p.Cost))]);
            if (carried.BallotsUsed == 0)
            {
                return TypedResults.Problem($"None of the ballots from {found.From} is on a project of this cycle: no project carried over by id or title.",
                    statusCode: 409, title: "No real ballots to simulate with");
            }
            election = carried.Election;
            voters = carried.BallotsUsed;
        }
        var results = await Task.Run(() => RuleComparison.Compare(election));
        return TypedResults.Ok(new Simulation(voters, seed, projects, [.. results.Select(r =>
            new SimulatedRule(r.Rule.Kind, r.Rule.Utility, r.Rule.Completion, r.Selected, (long)r.TotalCost, (long)r.BudgetLeft))])
        {
            Ballots = source,
            Real = real,
        });
    }

    /// <summary>Earlier ballots as approvals, with the projects they were cast on.</summary>
    public sealed record EarlierBallots(string From, ImmutableArray<TitledProject> Projects, ImmutableArray<IReadOnlyList<string>> Ballots);

    /// <summary>The counted ballots of the most recent cycle created before this one whose vote has closed (paper
    /// ballots included); an entry with a value above zero is an approval.</summary>
    private static async Task<EarlierBallots?> PreviousCycleBallotsAsync(IGrainFactory grains, string neighbourhoodId, string cycleId)
    {
        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId);
        var cycles = await neighbourhood.ListCyclesAsync();
        var previous = cycles.TakeWhile(c => c.CycleId != cycleId).LastOrDefault(c => Domain.Cycles.PhaseRules.VotingHasClosed(c.Phase));
        if (previous is null)
        {
            return null;
        }
        var closed = await neighbourhood.GetCycleAsync(previous.CycleId);
        var published = await neighbourhood.GetPublishedBallotsAsync(previous.CycleId);
        return new EarlierBallots($"cycle {previous.CycleId} ({previous.Title})",
            [.. closed.Manifest!.Projects.Select(p => new TitledProject(p.Id, p.Title, p.CostCents))],
            [.. published.Ballots.Select(b => (IReadOnlyList<string>)[.. b.Entries.Where(e => e.Value > 0).Select(e => e.ProjectId)])]);
    }

    /// <summary>The votes of the .pb file the cycle was imported from, on the proposals the import made.</summary>
    private static async Task<EarlierBallots?> ImportedBallotsAsync(IGrainFactory grains, string neighbourhoodId, string cycleId) =>
        await grains.GetGrain<Grains.Proposals.IImportedBallotsGrain>(CycleKey.Of(neighbourhoodId, cycleId)).GetAsync() is { } imported
            ? new EarlierBallots(imported.From, [.. imported.Projects.Select(p => new TitledProject(p.Id, p.Title, p.CostCents))],
                [.. imported.Votes.Select(v => (IReadOnlyList<string>)[.. v.Select(i => imported.Projects[i].Id)])])
            : null;
}
