using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Tests.Rules;

/// <summary>Small random elections with many ties and near-ties, the cases where rules go wrong.</summary>
internal static class RandomElections
{
    public static Election Create(int seed, bool points = false)
    {
        var random = new Random(seed);
        var m = random.Next(1, 9);
        var projects = new List<Project>();
        for (var p = 0; p < m; p++)
        {
            // Few distinct costs so that ties are common; occasionally free projects.
            var cost = random.Next(10) == 0 ? 0m : random.Next(1, 6) * 100m;
            projects.Add(new Project(((p * 7) % 11).ToString(System.Globalization.CultureInfo.InvariantCulture) + "p" + p, cost));
        }

        var budget = random.Next(1, 12) * 100m + (random.Next(3) == 0 ? 0.5m : 0m);
        var builder = Election.Create(budget, projects, points ? VoteType.Cumulative : VoteType.Approval);
        var voters = random.Next(0, 30);
        for (var v = 0; v < voters; v++)
        {
            var chosen = Enumerable.Range(0, m).Where(_ => random.Next(3) == 0).ToArray();
            if (points)
            {
                builder.AddBallot(chosen, chosen.Select(_ => (decimal)random.Next(1, 4)).ToArray());
            }
            else
            {
                builder.AddBallot(chosen);
            }
        }

        return builder.Build();
    }

    /// <summary>The same election with its voters in a different order.</summary>
    public static Election Shuffled(Election election, int seed)
    {
        var order = Enumerable.Range(0, election.VoterCount).ToArray();
        new Random(seed).Shuffle(order);
        var builder = Election.Create(election.Budget, election.Projects, election.VoteType);
        foreach (var v in order)
        {
            if (election.HasPoints)
            {
                builder.AddBallot(election.BallotOf(v), election.PointsOf(v));
            }
            else
            {
                builder.AddBallot(election.BallotOf(v));
            }
        }

        return builder.Build();
    }
}
