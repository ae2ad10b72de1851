using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// Put between <see cref="MinRanked"/> and <see cref="MaxRanked"/> projects in order of preference, ranks
/// 1, 2, …, k with no gaps and no ties. The rules count every ranked project as approved.
/// </summary>
public sealed record RankingDesign : BallotDesign
{
    /// <param name="maxRanked">The most projects to rank; at least 1.</param>
    /// <param name="minRanked">The fewest projects to rank; 1 to <paramref name="maxRanked"/>.</param>
    public RankingDesign(int maxRanked, int minRanked = 1)
    {
        if (maxRanked < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRanked), maxRanked, "Voters must be able to rank at least 1 project.");
        }

        DesignGuard.ProjectRange(minRanked, maxRanked, nameof(minRanked), nameof(maxRanked));
        MaxRanked = maxRanked;
        MinRanked = minRanked;
    }

    public int MaxRanked { get; }

    public int MinRanked { get; }

    public override BallotKind Kind => BallotKind.Ranking;

    public override BallotValidation Validate(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        var reading = BallotReading.Of(ballot, projects);
        return new BallotValidation([
            .. reading.IdentityProblems(),
            .. SharedRules.CountProblems(reading, MinRanked, MaxRanked),
            .. ContiguityProblems(reading),
        ]);
    }

    /// <summary>The ranked project ids, favourite first, for the outcome rules.</summary>
    /// <exception cref="InvalidBallotException">The ballot breaks this design.</exception>
    public ImmutableArray<string> ToRankOrder(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        Validate(ballot, projects).ThrowIfInvalid();
        return [.. ballot.Entries.OrderBy(entry => entry.Value).Select(entry => entry.ProjectId)];
    }

    public override BallotDescription Describe() => new(Kind, MinRanked, MaxRanked);

    /// <summary>With k entries, the ranks are 1..k exactly when every rank is a whole number in 1..k and
    /// none repeats; the entries that break this are the ones the voter has to look at again.</summary>
    private static IEnumerable<BallotProblem> ContiguityProblems(BallotReading reading)
    {
        var k = reading.Entries.Length;
        var uses = reading.Entries.CountBy(entry => entry.Value).ToDictionary();
        var misplaced = reading.Entries
            .Where(entry => !decimal.IsInteger(entry.Value) || entry.Value < 1 || entry.Value > k || uses[entry.Value] > 1)
            .Select(entry => entry.ProjectId)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        if (misplaced.Count > 0)
        {
            yield return new BallotProblem(BallotProblemCode.RankingNotContiguous, [.. misplaced], k, null);
        }
    }
}
