using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Tests.Ballots;

/// <summary>
/// A ballot is read one id at a time when it is short and with dictionaries when it is long (hostile input): both
/// must read every ballot the same way, or validation would depend on a ballot's length.
/// </summary>
public class BallotReadingTests
{
    [Fact]
    public void Reading_one_by_one_and_with_dictionaries_agree_on_every_ballot()
    {
        Seeds.Check(2_000, random =>
        {
            var generate = new RandomBallots(random);
            var projects = generate.Projects().ToList();
            if (projects.Count > 0 && random.Next(4) == 0)
            {
                projects.Add(new Project(projects[0].Id, projects[0].Cost + 1)); // a repeated id: the first one counts
            }
            var ballot = generate.Ballot(generate.Design(projects), projects);
            if (random.Next(3) == 0)
            {
                // Repeats and unknown ids in any order.
                ballot = new CastBallot([.. ballot.Entries, .. Enumerable.Range(0, random.Next(1, 20)).Select(_ => new BallotEntry(generate.AnyId(), 1))]);
            }

            var oneByOne = BallotReading.OneByOne(ballot, projects);
            var dictionaries = BallotReading.WithDictionaries(ballot, projects);

            Assert.Equal(dictionaries.ChosenIds.AsEnumerable(), oneByOne.ChosenIds.AsEnumerable());
            Assert.Equal(dictionaries.KnownChosenIds, oneByOne.KnownChosenIds);
            Assert.Equal(dictionaries.KnownCostUnits, oneByOne.KnownCostUnits);
            Assert.Equal(dictionaries.IdentityProblems(), oneByOne.IdentityProblems());
        });
    }

    [Fact]
    public void A_ballot_too_long_to_read_one_by_one_still_gets_each_unknown_and_repeated_project_once()
    {
        var projects = new[] { new Project("bankjes", 400), new Project("bomen", 500) };
        // 3,000 entries: over the one-by-one limit, so this ballot is read with dictionaries.
        var entries = Enumerable.Range(0, 1_000).SelectMany(i => new[] { new BallotEntry("bankjes", 1), new BallotEntry($"onbekend-{i % 10}", 1), new BallotEntry("bomen", 1) });
        var ballot = new CastBallot([.. entries]);
        Assert.True(3_000L * (3_000 + projects.Length) > BallotReading.OneByOneLimit);

        var reading = BallotReading.Of(ballot, projects);

        // In order of first appearance: bankjes, onbekend-0, bomen, then onbekend-1 to 9.
        Assert.Equal(["bankjes", "onbekend-0", "bomen", .. Enumerable.Range(1, 9).Select(i => $"onbekend-{i}")], reading.ChosenIds.AsEnumerable());
        Assert.Equal(["bankjes", "bomen"], reading.KnownChosenIds.Order());
        Assert.Equal(ExactAmount.Sum([400m, 500m]), reading.KnownCostUnits);
        var problems = reading.IdentityProblems().ToList();
        Assert.Equal(10, problems.Count(p => p.Code == BallotProblemCode.UnknownProject));
        Assert.Equal(12, problems.Count(p => p.Code == BallotProblemCode.DuplicateProject));
        Assert.Contains(problems, p => p.Code == BallotProblemCode.DuplicateProject && p.ProjectIds.SequenceEqual(["bankjes"]) && p.Actual == 1_000);
    }
}
