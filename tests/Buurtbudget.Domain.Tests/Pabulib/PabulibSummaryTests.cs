using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Domain.Tests.Pabulib;

public class PabulibSummaryTests
{
    [Fact]
    public void The_summary_reports_counts_budget_vote_type_currency_and_description()
    {
        var summary = PabulibSummary.Of(PbSamples.Read(PbSamples.Approval));

        Assert.Equal(3, summary.VoterCount);
        Assert.Equal(3, summary.ProjectCount);
        Assert.Equal(1000.50m, summary.Budget);
        Assert.Equal(VoteType.Approval, summary.VoteType);
        Assert.Equal("approval", summary.VoteTypeName);
        Assert.Equal("EUR", summary.Currency);
        Assert.Equal("Speeltuinen in Oost", summary.Description);
        Assert.Empty(summary.BallotDesign);
        Assert.Equal(0, summary.BallotsRepeatingAProject);
    }

    [Fact]
    public void The_summary_lists_the_ballot_design_entries_in_file_order()
    {
        var text = PbSamples.WithLineBefore(PbSamples.Cumulative, 8, "min_length;1");
        text = PbSamples.WithLineBefore(text, 8, "max_points;none");
        text = PbSamples.WithLine(text, 5, "num_votes;3");

        var summary = PabulibSummary.Of(PbSamples.Read(text));

        Assert.Equal(
            [new("max_points", null), new("min_length", "1"), new PabulibMetaEntry("max_sum_points", "10")],
            summary.BallotDesign.ToArray());
        Assert.Null(summary.Currency);
        Assert.Equal("choose-1", PabulibSummary.Of(PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 7, "vote_type;choose-1"))).VoteTypeName);
    }

    [Fact]
    public void The_summary_counts_ballots_that_repeat_a_project()
    {
        var summary = PabulibSummary.Of(PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 16, "a;1,2,1;34")));

        Assert.Equal(1, summary.BallotsRepeatingAProject);
    }

    [Fact]
    public void Summaries_of_equal_files_are_equal()
    {
        Assert.Equal(PabulibSummary.Of(PbSamples.Read(PbSamples.Cumulative)), PabulibSummary.Of(PbSamples.Read(PbSamples.Cumulative)));
    }
}
