using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>A small neighbourhood vote used across the ballot tests: five projects, approve up to three.</summary>
internal static class Votes
{
    public const string Cycle = "2026";

    public static ImmutableArray<BallotProject> Projects { get; } =
    [
        new("bankjes", "Benches on the square", 400_000),
        new("moestuin", "Vegetable garden", 900_000),
        new("speeltuin", "Playground repairs", 1_200_000),
        new("bomen", "Ten new trees", 500_000),
        new("buurtfeest", "Street party", 150_000),
    ];

    public static OpenVoting Opening(
        RevotePolicy revote = RevotePolicy.LastBallotCounts,
        Eligibility eligibility = Eligibility.Census,
        RuleKind rule = RuleKind.EqualShares) =>
        new(Cycle, Projects, new BallotDescription(BallotKind.Approval, 1, 3), new RuleChoice(rule), revote, eligibility);

    public static async Task<CycleView> OpenAsync(INeighbourhoodGrain neighbourhood, IEnumerable<string> voters, OpenVoting? opening = null)
    {
        await neighbourhood.CreateBudgetCycleAsync(new CreateBudgetCycle(Cycle, "Leefbaarheidsbudget 2026", 2_000_000));
        var open = await neighbourhood.OpenVotingAsync(opening ?? Opening());
        var keys = voters.ToImmutableArray();
        if (!keys.IsEmpty)
        {
            await neighbourhood.EnrollVotersAsync(new EnrollVoters(Cycle, keys));
        }
        return open;
    }

    public static CastBallotRequest Ballot(string voter, string key, params string[] projects) =>
        new(Cycle, voter, key, CastBallot.OfMarks(projects));

    /// <summary>A random valid ballot: one to three distinct projects.</summary>
    public static CastBallot RandomBallot(Random random)
    {
        int count = random.Next(1, 4);
        return CastBallot.OfMarks(Projects.Select(p => p.Id).OrderBy(_ => random.Next()).Take(count));
    }
}
