using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Buurtbudget.Domain.Arithmetic;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Rules;

/// <summary>
/// An election turned inside out for the rules: per project, who supports it and with how many points.
/// Ordinal and choose-1 ballots become approval ballots here (every ranked project counts as approved),
/// as Pabulib's reference implementation does.
/// </summary>
internal sealed class SupportProfile
{
    private SupportProfile(Election election, Rational[] costs, Rational[] weightValues,
        int[] supporterOffsets, int[] supporters, int[] supporterWeights, Rational[] scores, int[] supporterCounts)
    {
        Election = election;
        Costs = costs;
        WeightValues = weightValues;
        SupporterOffsets = supporterOffsets;
        Supporters = supporters;
        SupporterWeights = supporterWeights;
        Scores = scores;
        SupporterCounts = supporterCounts;
        Budget = Rational.Of(election.Budget);
    }

    public Election Election { get; }

    public int VoterCount => Election.VoterCount;

    public int ProjectCount => Costs.Length;

    public Rational Budget { get; }

    public Rational[] Costs { get; }

    /// <summary>Distinct point values; supporters refer to them by index. Approval profiles have one value, 1.</summary>
    public Rational[] WeightValues { get; }

    public int[] SupporterOffsets { get; }

    public int[] Supporters { get; }

    public int[] SupporterWeights { get; }

    /// <summary>Votes (approval) or total points (cumulative, scoring) per project.</summary>
    public Rational[] Scores { get; }

    /// <summary>Number of voters who gave the project a positive weight.</summary>
    public int[] SupporterCounts { get; }

    public bool IsApproval => WeightValues.Length == 1 && WeightValues[0] == Rational.One;

    public ReadOnlySpan<int> SupportersOf(int project) =>
        Supporters.AsSpan(SupporterOffsets[project], SupporterOffsets[project + 1] - SupporterOffsets[project]);

    public ReadOnlySpan<int> WeightsOf(int project) =>
        SupporterWeights.AsSpan(SupporterOffsets[project], SupporterOffsets[project + 1] - SupporterOffsets[project]);

    // An Election is immutable, so its profile (and the engines built on it) can be kept as long as the election
    // lives: results pages compute several rules on one election, and turning 90,000 ballots inside out costs
    // more than an Equal Shares run on them.
    private static readonly ConditionalWeakTable<Election, SupportProfile> s_cache = [];

    private readonly ConcurrentDictionary<(Utility, TieBreak), EqualSharesEngine> _engines = new();

    /// <summary>The profile of <paramref name="election"/>, built once per election.</summary>
    public static SupportProfile For(Election election) => s_cache.GetValue(election, From);

    /// <summary>The Equal Shares engine for this profile, built once per utility and tie-break.</summary>
    public EqualSharesEngine EngineFor(Utility utility, TieBreak tieBreak) =>
        _engines.GetOrAdd((utility, tieBreak), key => new EqualSharesEngine(this, key.Item1, key.Item2.Ranks(this)));

    public static SupportProfile From(Election election)
    {
        var m = election.Projects.Length;
        var costs = new Rational[m];
        for (var p = 0; p < m; p++)
        {
            costs[p] = Rational.Of(election.Projects[p].Cost);
        }

        var weightIndex = new Dictionary<decimal, int>();
        var weightValues = new List<Rational>();
        int WeightIndexOf(decimal points)
        {
            if (!weightIndex.TryGetValue(points, out var index))
            {
                index = weightValues.Count;
                weightIndex.Add(points, index);
                weightValues.Add(Rational.Of(points));
            }

            return index;
        }

        if (!election.HasPoints)
        {
            WeightIndexOf(1m);
        }

        // Only positive weights mean support; a zero (or, for scoring, negative) score funds nothing.
        var counts = new int[m + 1];
        for (var v = 0; v < election.VoterCount; v++)
        {
            var ballot = election.BallotOf(v);
            var points = election.PointsOf(v);
            for (var k = 0; k < ballot.Length; k++)
            {
                if (points.IsEmpty || points[k] > 0)
                {
                    counts[ballot[k] + 1]++;
                }
            }
        }

        var offsets = new int[m + 1];
        for (var p = 0; p < m; p++)
        {
            offsets[p + 1] = offsets[p] + counts[p + 1];
        }

        var supporters = new int[offsets[m]];
        var weights = new int[offsets[m]];
        var fill = (int[])offsets.Clone();
        var scores = new Rational[m];
        var scoreSums = new decimal[m];
        for (var v = 0; v < election.VoterCount; v++)
        {
            var ballot = election.BallotOf(v);
            var points = election.PointsOf(v);
            for (var k = 0; k < ballot.Length; k++)
            {
                var weight = points.IsEmpty ? 1m : points[k];
                if (weight > 0)
                {
                    var p = ballot[k];
                    supporters[fill[p]] = v;
                    weights[fill[p]] = WeightIndexOf(weight);
                    fill[p]++;
                    scoreSums[p] += weight;
                }
            }
        }

        var supporterCounts = new int[m];
        for (var p = 0; p < m; p++)
        {
            scores[p] = Rational.Of(scoreSums[p]);
            supporterCounts[p] = offsets[p + 1] - offsets[p];
        }

        return new SupportProfile(election, costs, [.. weightValues], offsets, supporters, weights, scores, supporterCounts);
    }
}
