namespace Buurtbudget.Domain.Ballots;

/// <summary>Rules that more than one design applies the same way.</summary>
internal static class SharedRules
{
    /// <summary>Approval and knapsack ballots say only "chosen"; any other number is reported rather than
    /// read as a mark, because guessing what the voter meant would be repairing the ballot.</summary>
    public static IEnumerable<BallotProblem> MarkProblems(BallotReading reading) =>
        reading.Entries
            .Where(entry => entry.Value != 1)
            .Select(entry => BallotProblem.ForProject(BallotProblemCode.InvalidMark, entry.ProjectId, 1, entry.Value));

    /// <summary>How many projects the ballot names against the design's range. An empty ballot gets one
    /// problem saying so, rather than also a "too few" that says the same thing.</summary>
    public static IEnumerable<BallotProblem> CountProblems(BallotReading reading, int minProjects, int? maxProjects)
    {
        var count = reading.ChosenIds.Length;
        if (count == 0)
        {
            yield return BallotProblem.ForBallot(BallotProblemCode.EmptyBallot, [], minProjects, 0);
        }
        else if (count < minProjects)
        {
            yield return BallotProblem.ForBallot(BallotProblemCode.TooFewProjects, reading.ChosenIds, minProjects, count);
        }

        if (maxProjects is { } max && count > max)
        {
            yield return BallotProblem.ForBallot(BallotProblemCode.TooManyProjects, reading.ChosenIds, max, count);
        }
    }
}
