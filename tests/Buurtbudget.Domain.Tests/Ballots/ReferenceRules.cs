using System.Globalization;
using System.Numerics;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;
using static Buurtbudget.Domain.Ballots.BallotProblemCode;

namespace Buurtbudget.Domain.Tests.Ballots;

/// <summary>
/// The rules written down again, as plainly as possible and independently of the product code (exact
/// totals come from decimal's own text form, not from its bits), to check the designs against.
/// </summary>
internal static class ReferenceRules
{
    public static bool Accepts(BallotDesign design, CastBallot ballot, IReadOnlyList<Project> projects)
    {
        var ids = ballot.Entries.Select(e => e.ProjectId).ToList();
        var values = ballot.Entries.Select(e => e.Value).ToList();
        var onBallot = projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var wellFormed = ids.Count > 0
            && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count
            && ids.All(onBallot.Contains);

        return wellFormed && design switch
        {
            ApprovalDesign d =>
                values.All(v => v == 1)
                && ids.Count >= d.MinProjects && (d.MaxProjects is null || ids.Count <= d.MaxProjects),
            KnapsackDesign d =>
                values.All(v => v == 1)
                && ids.Count >= d.MinProjects && (d.MaxProjects is null || ids.Count <= d.MaxProjects)
                && CostOf(ids, projects) <= Exact(d.SpendingLimit)
                && (d.MinimumSpend is null || CostOf(ids, projects) >= Exact(d.MinimumSpend.Value)),
            CumulativeDesign d =>
                values.All(v => v >= 0 && v == Math.Truncate(v) && (d.MaxPointsPerProject is null || v <= d.MaxPointsPerProject))
                && values.Any(v => v > 0)
                && (d.MustUseAllPoints ? Sum(values) == d.Points * Exact(1) : Sum(values) <= d.Points * Exact(1)),
            RankingDesign d =>
                ids.Count >= d.MinRanked && ids.Count <= d.MaxRanked
                && values.Order().SequenceEqual(Enumerable.Range(1, ids.Count).Select(r => (decimal)r)),
            _ => throw new ArgumentOutOfRangeException(nameof(design)),
        };
    }

    /// <summary>Which rules the ballot breaks, each rule checked on its own.</summary>
    public static HashSet<BallotProblemCode> BrokenRules(BallotDesign design, CastBallot ballot, IReadOnlyList<Project> projects)
    {
        var ids = ballot.Entries.Select(e => e.ProjectId).ToList();
        var values = ballot.Entries.Select(e => e.Value).ToList();
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var onBallot = projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var broken = new HashSet<BallotProblemCode>();
        Add(broken, UnknownProject, ids.Any(id => !onBallot.Contains(id)));
        Add(broken, DuplicateProject, distinct.Count < ids.Count);

        switch (design)
        {
            case ApprovalDesign d:
                Add(broken, InvalidMark, values.Any(v => v != 1));
                AddCountRules(broken, distinct.Count, d.MinProjects, d.MaxProjects);
                break;
            case KnapsackDesign d:
                Add(broken, InvalidMark, values.Any(v => v != 1));
                AddCountRules(broken, distinct.Count, d.MinProjects, d.MaxProjects);
                var cost = CostOf(distinct, projects);
                Add(broken, OverSpendingLimit, cost > Exact(d.SpendingLimit));
                Add(broken, UnderMinimumSpend, distinct.Count > 0 && d.MinimumSpend is { } minimum && cost < Exact(minimum));
                break;
            case CumulativeDesign d:
                Add(broken, NegativePoints, values.Any(v => v < 0));
                Add(broken, PointsNotWhole, values.Any(v => v != Math.Truncate(v)));
                Add(broken, OverPerProjectCap, values.Any(v => v > d.MaxPointsPerProject));
                var given = Sum(values.Where(v => v > 0));
                Add(broken, EmptyBallot, !values.Any(v => v > 0));
                Add(broken, NotAllPointsUsed, d.MustUseAllPoints && values.Any(v => v > 0) && given < d.Points * Exact(1));
                Add(broken, TooManyPoints, given > d.Points * Exact(1));
                break;
            case RankingDesign d:
                AddCountRules(broken, distinct.Count, d.MinRanked, d.MaxRanked);
                Add(broken, RankingNotContiguous, !values.Order().SequenceEqual(Enumerable.Range(1, ids.Count).Select(r => (decimal)r)));
                break;
        }

        return broken;
    }

    /// <summary>A decimal as a whole number of 10^-28, read from its exact invariant text.</summary>
    public static BigInteger Exact(decimal value) =>
        BigInteger.Parse(value.ToString("F28", CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    public static BigInteger CostOf(IEnumerable<string> ids, IReadOnlyList<Project> projects) =>
        Sum(ids.Distinct(StringComparer.Ordinal)
            .Select(id => projects.FirstOrDefault(p => p.Id == id)?.Cost ?? 0));

    private static BigInteger Sum(IEnumerable<decimal> values) =>
        values.Aggregate(BigInteger.Zero, (total, v) => total + Exact(v));

    private static void AddCountRules(HashSet<BallotProblemCode> broken, int count, int min, int? max)
    {
        Add(broken, EmptyBallot, count == 0);
        Add(broken, TooFewProjects, count > 0 && count < min);
        Add(broken, TooManyProjects, count > max);
    }

    private static void Add(HashSet<BallotProblemCode> broken, BallotProblemCode code, bool isBroken)
    {
        if (isBroken)
        {
            broken.Add(code);
        }
    }
}
