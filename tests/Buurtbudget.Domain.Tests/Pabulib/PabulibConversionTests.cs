using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Domain.Tests.Pabulib;

public class PabulibConversionTests
{
    [Fact]
    public void An_approval_file_becomes_an_election_with_its_budget_projects_and_ballots()
    {
        var election = PbSamples.Read(PbSamples.Approval).ToElection();

        Assert.Equal(1000.50m, election.Budget);
        Assert.Equal(VoteType.Approval, election.VoteType);
        Assert.Equal([new Project("1", 400m), new Project("2", 500m), new Project("3", 300m)], election.Projects.ToArray());
        Assert.Equal(3, election.VoterCount);
        Assert.False(election.HasPoints);
        Assert.Equal([0, 1], election.BallotOf(0).ToArray());
        Assert.Equal([2], election.BallotOf(1).ToArray());
        Assert.Empty(election.BallotOf(2).ToArray());
    }

    [Fact]
    public void A_cumulative_file_keeps_each_voters_points_aligned_with_the_projects()
    {
        var election = PbSamples.Read(PbSamples.Cumulative).ToElection();

        Assert.Equal(VoteType.Cumulative, election.VoteType);
        Assert.True(election.HasPoints);
        Assert.Equal([2, 0], election.BallotOf(0).ToArray());
        Assert.Equal([7m, 3m], election.PointsOf(0).ToArray());
        Assert.Equal([10m], election.PointsOf(1).ToArray());
    }

    [Fact]
    public void A_scoring_file_keeps_negative_points()
    {
        var text = PbSamples.WithLine(PbSamples.WithLine(PbSamples.Cumulative, 7, "vote_type;scoring"), 16, "a;3,1;-2,1.5");

        var election = PbSamples.Read(text).ToElection();

        Assert.Equal(VoteType.Scoring, election.VoteType);
        Assert.Equal([-2m, 1.5m], election.PointsOf(0).ToArray());
    }

    [Fact]
    public void An_ordinal_file_keeps_the_rank_order()
    {
        var election = PbSamples.Read(PbSamples.Ordinal).ToElection();

        Assert.Equal(VoteType.Ordinal, election.VoteType);
        Assert.Equal([2, 0, 1], election.BallotOf(0).ToArray());
    }

    [Fact]
    public void A_choose_1_file_becomes_a_ChooseOne_election()
    {
        var election = PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 7, "vote_type;choose-1")).ToElection();

        Assert.Equal(VoteType.ChooseOne, election.VoteType);
    }

    [Fact]
    public void Points_in_an_approval_file_are_not_carried_into_the_election()
    {
        var election = PbSamples.Read(PbSamples.WithLine(PbSamples.Cumulative, 7, "vote_type;approval")).ToElection();

        Assert.False(election.HasPoints);
        Assert.Equal([2, 0], election.BallotOf(0).ToArray());
    }

    [Fact]
    public void A_project_repeated_on_a_ballot_counts_once_at_its_first_place()
    {
        var text = PbSamples.WithLine(PbSamples.Ordinal, 14, "1;z,x,z,y,x");

        var election = PbSamples.Read(text).ToElection();

        Assert.Equal([2, 0, 1], election.BallotOf(0).ToArray());
    }

    [Fact]
    public void An_election_becomes_an_anonymous_file_with_voters_1_to_n_and_the_mandatory_meta()
    {
        var election = Election.Create(2158427.19m, [new Project("a", 10m), new Project("b", 20.0m)], VoteType.Cumulative)
            .AddBallot([1, 0], [4m, 1m])
            .AddBallot([], [])
            .Build();

        var file = election.ToPabulibFile([new("description", "Export"), new("currency", "EUR")]);

        Assert.Equal(
            [new("num_projects", "2"), new("num_votes", "2"), new("budget", "2158427.19"), new("vote_type", "cumulative"),
             new PabulibMetaEntry("description", "Export"), new("currency", "EUR")],
            file.Meta.ToArray());
        Assert.Equal(["project_id", "cost"], file.ProjectColumns.ToArray());
        Assert.Equal(["voter_id", "vote", "points"], file.VoteColumns.ToArray());
        Assert.Equal(["1", "2"], file.Votes.Select(v => v.VoterId).ToArray());
        Assert.Equal(["b", "a"], file.Votes[0].ProjectIds.ToArray());
        PabulibAssert.SameElection(election, file.ToElection());
    }

    [Fact]
    public void An_exported_election_survives_writing_and_reading()
    {
        var election = PbSamples.Read(PbSamples.Ordinal).ToElection();

        var written = PabulibWriter.WriteToString(election.ToPabulibFile());

        Assert.DoesNotContain(";vote;points", written, StringComparison.Ordinal);
        PabulibAssert.SameElection(election, PabulibReader.Parse(written).ToElection());
    }

    [Fact]
    public void Exporting_refuses_extra_meta_that_would_contradict_the_election()
    {
        var election = PbSamples.Read(PbSamples.Ordinal).ToElection();

        Assert.Throws<ArgumentException>(() => election.ToPabulibFile([new("budget", "1")]));
        Assert.Throws<ArgumentException>(() => election.ToPabulibFile([new("unit", "x"), new("unit", "y")]));
    }
}
