using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;
using Xunit.Abstractions;

namespace Buurtbudget.Domain.Tests.Pabulib;

/// <summary>Every real Pabulib file (see <see cref="PabulibData"/>) must read, convert and survive a round trip.
/// Each test checks all files and lists every file that fails, not just the first.</summary>
public class PabulibRealDataTests(PabulibRealDataFixture data, ITestOutputHelper output)
    : IClassFixture<PabulibRealDataFixture>
{
    [Fact]
    public void Every_Pabulib_file_reads_and_holds_as_many_projects_and_votes_as_its_meta_says()
    {
        AllPass(data.Files, file =>
        {
            if (file.Error is not null)
            {
                throw file.Error;
            }

            var pb = file.File!;
            Assert.Equal(Count(pb, "num_projects"), pb.Projects.Length);
            Assert.Equal(Count(pb, "num_votes"), pb.Votes.Length);
        });
        output.WriteLine($"{data.Files.Count} files, {data.Files.Sum(f => f.File?.Votes.Length ?? 0)} votes, read in {data.ReadTime.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Every_Pabulib_file_converts_to_an_election_with_its_budget_projects_and_ballots()
    {
        AllPass(data.ReadFiles, file =>
        {
            var pb = file.File!;
            var election = pb.ToElection();

            Assert.Equal(pb.Budget, election.Budget);
            Assert.Equal(pb.VoteType, election.VoteType);
            Assert.Equal(pb.Projects.Select(p => new Project(p.Id, p.Cost)).ToArray(), election.Projects.ToArray());
            Assert.Equal(pb.Votes.Length, election.VoterCount);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var voter = 0; voter < pb.Votes.Length; voter++)
            {
                var vote = pb.Votes[voter];
                var ballot = election.BallotOf(voter);
                var points = election.PointsOf(voter);
                seen.Clear();
                var next = 0;
                for (var i = 0; i < vote.ProjectIds.Length; i++)
                {
                    // A repeated project counts once, at its first place; points travel with it.
                    if (!seen.Add(vote.ProjectIds[i]))
                    {
                        continue;
                    }

                    if (next >= ballot.Length || election.Projects[ballot[next]].Id != vote.ProjectIds[i]
                        || (election.HasPoints && points[next] != vote.Points!.Value[i]))
                    {
                        Assert.Fail($"voter {vote.VoterId}: the election's ballot differs from the file's vote");
                    }

                    next++;
                }

                Assert.Equal(ballot.Length, next);
                Assert.Equal(election.HasPoints ? next : 0, points.Length);
            }
        });
    }

    [Fact]
    public void Every_Pabulib_file_written_and_read_again_is_equal()
    {
        AllPass(data.ReadFiles, file =>
        {
            var pb = file.File!;
            var again = PabulibReader.Parse(PabulibWriter.WriteToString(pb));

            // Equal files give equal elections: ToElection reads nothing but the compared parts.
            Assert.True(pb.Equals(again), "the file read back differs from the file written");
        });
    }

    [Fact]
    public void The_real_files_cover_the_vote_types_and_peculiarities_the_reader_must_handle()
    {
        var types = data.ReadFiles.Select(f => f.File!.VoteType).ToHashSet();
        Assert.Superset(new HashSet<VoteType> { VoteType.Approval, VoteType.ChooseOne, VoteType.Cumulative, VoteType.Ordinal }, types);

        Assert.Equal(361677.8m, Read("Poland_Warszawa_2018_Grochow_Centrum.pb").Budget);
        Assert.Equal(2158427.19m, Read("Poland_Krakow_2024_Zwierzyniec.pb").Budget);

        var toulouse = Read("France_Toulouse_2022.pb");
        Assert.Contains(toulouse.Projects, p => p.Cost == 50000m && p.Cost.Scale == 1);
        Assert.Contains(toulouse.Projects, p => toulouse.ProjectField(p, "name")?.Contains("\"verte\"", StringComparison.Ordinal) == true);

        var ursynow = Read("Poland_Warszawa_2017_Ursynow.pb");
        Assert.Contains(ursynow.Projects, p => p.Fields.Contains(null));

        Assert.Equal(1, PabulibSummary.Of(Read("Netherlands_Amsterdam_604.pb")).BallotsRepeatingAProject);
    }

    private PabulibFile Read(string name) =>
        data.Files.Single(f => f.Name == name).File ?? throw new InvalidOperationException($"{name} was not read.");

    private static int Count(PabulibFile file, string key) =>
        int.Parse(file.MetaValue(key)!, CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="check"/> on every file (in parallel) and fails listing each file that failed.</summary>
    private static void AllPass(IEnumerable<RealPabulibFile> files, Action<RealPabulibFile> check)
    {
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(files, file =>
        {
            try
            {
                check(file);
            }
            catch (Exception e)
            {
                failures.Add($"{file.Name}: {e.Message}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} file(s) failed:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }
}
