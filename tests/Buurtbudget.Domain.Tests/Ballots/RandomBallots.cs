using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Tests.Ballots;

/// <summary>
/// Random projects, designs and ballots. Ballots start close to valid (so both verdicts are common) and
/// then some are broken in the ways real clients break them: unknown or repeated ids and odd numbers.
/// </summary>
internal sealed class RandomBallots(Random random)
{
    private static readonly decimal[] _oddNumbers =
        [0, -1, 2, 0.5m, -0.5m, 1.0000000000000000000000000001m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, 1_000_000];

    private static readonly string[] _oddIds = ["", " ", "P0", "p00", "p1 ", "é", "🙂", "null", new string('x', 300)];

    public IReadOnlyList<Project> Projects()
    {
        var count = random.Next(0, 8);
        return [.. Enumerable.Range(0, count).Select(i => new Project($"p{i}", Cost()))];
    }

    public BallotDesign Design(IReadOnlyList<Project> projects) => random.Next(4) switch
    {
        0 => Approval(),
        1 => Knapsack(projects),
        2 => Cumulative(),
        _ => Ranking(),
    };

    public CastBallot Ballot(BallotDesign design, IReadOnlyList<Project> projects)
    {
        var chosen = projects.Where(_ => random.Next(3) == 0).OrderBy(_ => random.Next()).Select(p => p.Id).ToList();
        List<BallotEntry> entries = design switch
        {
            CumulativeDesign cumulative => [.. Distribute(chosen, cumulative)],
            RankingDesign => [.. chosen.Select((id, i) => new BallotEntry(id, i + 1)).OrderBy(_ => random.Next())],
            _ => [.. chosen.Select(id => new BallotEntry(id, 1))],
        };

        if (random.Next(3) == 0)
        {
            for (var breaks = random.Next(1, 3); breaks > 0; breaks--)
            {
                Break(entries);
            }
        }

        return new CastBallot(entries);
    }

    /// <summary>Any decimal at all: random bits, any sign, any scale.</summary>
    public decimal AnyDecimal() => random.Next(4) == 0
        ? _oddNumbers[random.Next(_oddNumbers.Length)]
        : new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(29));

    public string AnyId() => random.Next(3) switch
    {
        0 => _oddIds[random.Next(_oddIds.Length)],
        1 => $"p{random.Next(-2, 10)}",
        _ => new string([.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => (char)random.Next(1, 0xD7FF))]),
    };

    private decimal Cost() => random.Next(10) switch
    {
        0 => 0,
        < 5 => random.Next(1, 50) * 100,
        < 8 => random.Next(1, 500_000) / 100m,
        8 => random.Next(1, 1_000) / 1_000m,
        _ => new decimal(random.Next(), random.Next(), random.Next(1 << 16), false, (byte)random.Next(0, 10)),
    };

    private int? MaybeMax(int min) => random.Next(3) == 0 ? null : min + random.Next(0, 4);

    private ApprovalDesign Approval()
    {
        var min = random.Next(1, 4);
        return new ApprovalDesign(min, MaybeMax(min));
    }

    private KnapsackDesign Knapsack(IReadOnlyList<Project> projects)
    {
        // A limit equal to some subset's cost puts many ballots right on the boundary.
        var limit = random.Next(3) switch
        {
            0 => random.Next(1, 20_000),
            _ => SaturatingSum(projects.Where(_ => random.Next(2) == 0).Select(p => p.Cost)),
        };
        limit = Math.Max(limit, 0.01m);
        decimal? minimum = random.Next(3) switch
        {
            0 => null,
            1 => Math.Round(limit * random.Next(0, 101) / 100m, 2, MidpointRounding.ToZero),
            _ => Math.Min(limit, SaturatingSum(projects.Where(_ => random.Next(2) == 0).Select(p => p.Cost))),
        };
        var minProjects = random.Next(1, 3);
        return new KnapsackDesign(limit, minimum, minProjects, MaybeMax(minProjects));
    }

    private CumulativeDesign Cumulative()
    {
        var points = random.Next(1, 13);
        int? cap = random.Next(2) == 0 ? null : random.Next(1, points + 1);
        return new CumulativeDesign(points, random.Next(2) == 0, cap);
    }

    private RankingDesign Ranking()
    {
        var max = random.Next(1, 6);
        return new RankingDesign(max, random.Next(1, max + 1));
    }

    /// <summary>Hands out all or some of the points in whole numbers, respecting the cap while it can.</summary>
    private IEnumerable<BallotEntry> Distribute(List<string> chosen, CumulativeDesign design)
    {
        var points = new int[chosen.Count];
        var target = design.MustUseAllPoints || random.Next(2) == 0 ? design.Points : random.Next(1, design.Points + 1);
        var cap = design.MaxPointsPerProject ?? int.MaxValue;
        for (var given = 0; given < target && chosen.Count > 0; given++)
        {
            var open = Enumerable.Range(0, chosen.Count).Where(i => points[i] < cap).ToList();
            var index = open.Count > 0 ? open[random.Next(open.Count)] : random.Next(chosen.Count);
            points[index]++;
        }

        return chosen.Select((id, i) => new BallotEntry(id, points[i]));
    }

    private void Break(List<BallotEntry> entries)
    {
        switch (random.Next(4))
        {
            case 0:
                entries.Insert(random.Next(entries.Count + 1), new BallotEntry(AnyId(), 1));
                break;
            case 1 when entries.Count > 0:
                var copy = entries[random.Next(entries.Count)];
                entries.Insert(random.Next(entries.Count + 1), copy with { Value = random.Next(2) == 0 ? copy.Value : 1 });
                break;
            case 2 when entries.Count > 0:
                var index = random.Next(entries.Count);
                entries[index] = entries[index] with { Value = random.Next(2) == 0 ? _oddNumbers[random.Next(_oddNumbers.Length)] : random.Next(-1, 8) };
                break;
            default:
                if (entries.Count > 0)
                {
                    entries.RemoveAt(random.Next(entries.Count));
                }

                break;
        }
    }

    private static decimal SaturatingSum(IEnumerable<decimal> values)
    {
        var total = 0m;
        foreach (var value in values)
        {
            total = value > decimal.MaxValue - total ? decimal.MaxValue : total + value;
        }

        return total;
    }
}
