using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Domain.Tests.Pabulib;

internal static class PabulibAssert
{
    /// <summary>Reading fails with exactly this line and column, the message names the line and contains
    /// <paramref name="fragment"/>, and no file comes back.</summary>
    public static PabulibFormatException ReadFails(string text, int line, string? column, string fragment)
    {
        PabulibFile? file = null;
        var error = Assert.Throws<PabulibFormatException>(() => file = PabulibReader.Parse(text));
        Assert.Null(file);
        Assert.Equal(line, error.LineNumber);
        Assert.Equal(column, error.Column);
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, $"line {line}: {error.Reason}");
        return error;
    }

    /// <summary>Two elections have the same budget, vote type, projects and ballots (with points).</summary>
    public static void SameElection(Election expected, Election actual)
    {
        Assert.Equal(expected.Budget, actual.Budget);
        Assert.Equal(expected.VoteType, actual.VoteType);
        Assert.Equal(expected.Projects.ToArray(), actual.Projects.ToArray());
        Assert.Equal(expected.VoterCount, actual.VoterCount);
        Assert.Equal(expected.HasPoints, actual.HasPoints);
        for (var voter = 0; voter < expected.VoterCount; voter++)
        {
            // No Assert per voter: real files have 100,000 voters and a message would be built for each.
            if (!expected.BallotOf(voter).SequenceEqual(actual.BallotOf(voter))
                || !expected.PointsOf(voter).SequenceEqual(actual.PointsOf(voter)))
            {
                Assert.Fail($"the ballot of voter {voter} differs");
            }
        }
    }
}
