using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// Neighbourhoods with an open approval vote, under a census or open to any signed-in resident; every call of <see cref="CastNextAsync"/> is the next
/// voter casting their one ballot with their own idempotency key. Voter <c>v</c> votes in neighbourhood
/// <c>v mod K</c>, so every neighbourhood gets the same share of the load whatever the clients do.
/// </summary>
internal sealed class BallotScenario
{
    public const string Cycle = "bench";

    private static readonly ImmutableArray<BallotProject> Projects =
    [
        new("bankjes", "Benches", 400_000),
        new("moestuin", "Vegetable garden", 900_000),
        new("speeltuin", "Playground", 1_200_000),
        new("bomen", "Trees", 500_000),
        new("buurtfeest", "Street party", 150_000),
    ];

    // A handful of valid ballots (one to three projects), picked by voter number: validation sees varied input.
    private static readonly CastBallot[] Ballots =
    [
        CastBallot.OfMarks("bankjes"),
        CastBallot.OfMarks("moestuin", "bomen"),
        CastBallot.OfMarks("speeltuin", "buurtfeest", "bankjes"),
        CastBallot.OfMarks("bomen", "buurtfeest"),
        CastBallot.OfMarks("moestuin", "speeltuin", "bomen"),
    ];

    /// <summary>Census entries are appended in chunks, as a corporation would upload its voter list.</summary>
    private const int EnrolChunk = 5_000;

    private readonly INeighbourhoodGrain[] _neighbourhoods;
    private readonly long _voters;
    private long _next = -1;

    private BallotScenario(INeighbourhoodGrain[] neighbourhoods, long voters)
    {
        _neighbourhoods = neighbourhoods;
        _voters = voters;
    }

    public static string NeighbourhoodId(string prefix, int index) => $"{prefix}-{index}";

    /// <summary>Creates <paramref name="neighbourhoods"/> neighbourhoods, opens voting and, under a census, enrols
    /// <paramref name="voters"/> voters among them (either way the bound on how many ballots can be cast).</summary>
    public static async Task<BallotScenario> SetUpAsync(
        IGrainFactory grains, string prefix, int neighbourhoods, long voters, Eligibility eligibility = Eligibility.Census)
    {
        var grainsOf = Enumerable.Range(0, neighbourhoods)
            .Select(i => grains.GetGrain<INeighbourhoodGrain>(NeighbourhoodId(prefix, i)))
            .ToArray();
        long perNeighbourhood = (voters + neighbourhoods - 1) / neighbourhoods;
        foreach (var neighbourhood in grainsOf)
        {
            await neighbourhood.CreateBudgetCycleAsync(new CreateBudgetCycle(Cycle, "Benchmark vote", 2_000_000)).ConfigureAwait(false);
            await neighbourhood.OpenVotingAsync(new OpenVoting(Cycle, Projects, new BallotDescription(BallotKind.Approval, 1, 3),
                new RuleChoice(RuleKind.EqualShares), RevotePolicy.LastBallotCounts, eligibility)).ConfigureAwait(false);
            for (long first = 0; eligibility == Eligibility.Census && first < perNeighbourhood; first += EnrolChunk)
            {
                var keys = Enumerable.Range(0, (int)Math.Min(EnrolChunk, perNeighbourhood - first))
                    .Select(i => VoterKey(first + i))
                    .ToImmutableArray();
                await neighbourhood.EnrollVotersAsync(new EnrollVoters(Cycle, keys)).ConfigureAwait(false);
            }
        }
        return new BallotScenario(grainsOf, voters);
    }

    /// <summary>The next voter casts their ballot; completes when the receipt is back (the ballot is durable).</summary>
    public async Task CastNextAsync()
    {
        long voter = Interlocked.Increment(ref _next);
        if (voter >= _voters)
        {
            throw new InvalidOperationException($"All {_voters} voters of the case have voted; the bench bounded its cases wrongly.");
        }
        var neighbourhood = _neighbourhoods[voter % _neighbourhoods.Length];
        var request = new CastBallotRequest(Cycle, VoterKey(voter / _neighbourhoods.Length), $"ballot-{voter}", Ballots[voter % Ballots.Length]);
        var result = await neighbourhood.CastBallotAsync(request).ConfigureAwait(false);
        if (result.ReplacedEarlierBallot)
        {
            throw new InvalidOperationException($"Voter {voter} voted twice; every voter must cast exactly one ballot.");
        }
    }

    /// <summary>The turnout the neighbourhoods report from their confirmed state: must equal the receipts handed out.</summary>
    public async Task<long> CountedAsync()
    {
        long counted = 0;
        foreach (var neighbourhood in _neighbourhoods)
        {
            var view = await neighbourhood.GetCycleAsync(Cycle).ConfigureAwait(false);
            counted += view.Tally?.Turnout ?? 0;
        }
        return counted;
    }

    private static string VoterKey(long number) => $"voter-{number}";
}
