using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// Distribute <see cref="Points"/> whole points over the projects: all of them when
/// <see cref="MustUseAllPoints"/>, otherwise at most that many; optionally at most
/// <see cref="MaxPointsPerProject"/> to any one project. At least one project must get points.
/// </summary>
public sealed record CumulativeDesign : BallotDesign
{
    /// <param name="points">The points each voter has; at least 1.</param>
    /// <param name="mustUseAllPoints">True when every point must be given out; false for "at most".</param>
    /// <param name="maxPointsPerProject">The most points one project may get, 1 to <paramref name="points"/>; null for no cap.</param>
    public CumulativeDesign(int points, bool mustUseAllPoints, int? maxPointsPerProject = null)
    {
        if (points < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, "Voters need at least 1 point to give out.");
        }

        if (maxPointsPerProject < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPointsPerProject), maxPointsPerProject,
                "A cap below 1 point would leave no project able to get points.");
        }

        // A cap above the points available could never bite, yet would be shown to voters as a rule.
        if (maxPointsPerProject > points)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"The cap per project ({maxPointsPerProject}) is above the points available ({points}); leave it out instead."),
                nameof(maxPointsPerProject));
        }

        Points = points;
        MustUseAllPoints = mustUseAllPoints;
        MaxPointsPerProject = maxPointsPerProject;
    }

    public int Points { get; }

    public bool MustUseAllPoints { get; }

    public int? MaxPointsPerProject { get; }

    public override BallotKind Kind => BallotKind.Cumulative;

    public override BallotValidation Validate(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        var reading = BallotReading.Of(ballot, projects);
        return new BallotValidation([
            .. reading.IdentityProblems(),
            .. EntryProblems(reading),
            .. TotalProblems(reading),
        ]);
    }

    /// <summary>The points per project, in ballot order, for the outcome rules. Entries with 0 points are
    /// kept: the conversion reports the ballot, it does not edit it.</summary>
    /// <exception cref="InvalidBallotException">The ballot breaks this design.</exception>
    public ImmutableArray<ProjectPoints> ToPoints(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        Validate(ballot, projects).ThrowIfInvalid();
        return [.. ballot.Entries.Select(entry => new ProjectPoints(entry.ProjectId, (int)entry.Value))];
    }

    public override BallotDescription Describe() =>
        new(Kind, 1, null, Points: Points, MustUseAllPoints: MustUseAllPoints, MaxPointsPerProject: MaxPointsPerProject);

    private IEnumerable<BallotProblem> EntryProblems(BallotReading reading)
    {
        foreach (var entry in reading.Entries)
        {
            if (entry.Value < 0)
            {
                yield return BallotProblem.ForProject(BallotProblemCode.NegativePoints, entry.ProjectId, actual: entry.Value);
            }

            if (!decimal.IsInteger(entry.Value))
            {
                yield return BallotProblem.ForProject(BallotProblemCode.PointsNotWhole, entry.ProjectId, actual: entry.Value);
            }

            if (MaxPointsPerProject is { } cap && entry.Value > cap)
            {
                yield return BallotProblem.ForProject(BallotProblemCode.OverPerProjectCap, entry.ProjectId, cap, entry.Value);
            }
        }
    }

    private IEnumerable<BallotProblem> TotalProblems(BallotReading reading)
    {
        // Negative entries are reported on their own; letting them offset other points would hide how
        // many points the voter actually handed out.
        var given = reading.Entries.Where(entry => entry.Value > 0).ToList();
        var total = ExactAmount.Sum(given.Select(entry => entry.Value));
        var available = new BigInteger(Points) * ExactAmount.ToUnits(1);
        var ids = given.Select(entry => entry.ProjectId).Distinct(StringComparer.Ordinal).ToList();

        if (given.Count == 0)
        {
            yield return BallotProblem.ForBallot(BallotProblemCode.EmptyBallot, [], 1, 0);
        }
        else if (MustUseAllPoints && total < available)
        {
            yield return BallotProblem.ForBallot(BallotProblemCode.NotAllPointsUsed, ids, Points, ExactAmount.ToDecimal(total));
        }

        if (total > available)
        {
            yield return BallotProblem.ForBallot(BallotProblemCode.TooManyPoints, ids, Points, ExactAmount.ToDecimal(total));
        }
    }
}
