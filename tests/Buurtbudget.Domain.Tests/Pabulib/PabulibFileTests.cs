using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Domain.Tests.Pabulib;

public class PabulibFileTests
{
    private static readonly PabulibMetaEntry[] s_meta =
    [
        new("num_projects", "2"), new("num_votes", "2"), new("budget", "100"), new("vote_type", "cumulative"),
    ];

    private static readonly string[] s_projectColumns = ["project_id", "cost", "name"];
    private static readonly string[] s_voteColumns = ["voter_id", "vote", "points"];

    private static PabulibProject[] Projects() =>
        [new("p1", 60m, ["Park"]), new("p2", 40m, [null])];

    private static PabulibVote[] Votes() =>
        [new("1", ["p1", "p2"], [3m, 2m], []), new("2", ["p2"], [5m], [])];

    private static PabulibFile Create(
        PabulibMetaEntry[]? meta = null, PabulibProject[]? projects = null, PabulibVote[]? votes = null) =>
        PabulibFile.Create(meta ?? s_meta, s_projectColumns, projects ?? Projects(), s_voteColumns, votes ?? Votes());

    [Fact]
    public void Files_built_from_equal_parts_are_equal_and_hash_alike()
    {
        var first = Create();
        var second = Create();

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.True(first.Equals((object)second));
    }

    [Fact]
    public void A_cost_of_4000_point_0_equals_a_cost_of_4000()
    {
        Assert.Equal(new PabulibProject("p", 4000.0m, []), new PabulibProject("p", 4000m, []));
    }

    [Fact]
    public void Files_that_differ_in_one_point_one_field_or_the_meta_order_are_not_equal()
    {
        var votes = Votes();
        votes[1] = votes[1] with { Points = ImmutableArray.Create(4m) };
        var projects = Projects();
        projects[1] = projects[1] with { Fields = [""] };

        Assert.NotEqual(Create(), Create(votes: votes));
        Assert.NotEqual(Create(), Create(projects: projects));
        Assert.NotEqual(Create(), Create(meta: [.. s_meta.Reverse()]));
    }

    [Fact]
    public void Budget_vote_type_and_points_come_from_the_parts()
    {
        var file = Create();

        Assert.Equal(100m, file.Budget);
        Assert.Equal(VoteType.Cumulative, file.VoteType);
        Assert.True(file.HasPoints);
        Assert.Equal("100", file.MetaValue("budget"));
        Assert.Null(file.MetaValue("currency"));
        Assert.Equal("Park", file.ProjectField(file.Projects[0], "name"));
        Assert.Throws<ArgumentException>(() => file.ProjectField(file.Projects[0], "category"));
    }

    [Fact]
    public void Creating_a_file_with_a_vote_for_an_unknown_project_fails_naming_the_vote()
    {
        var votes = Votes();
        votes[1] = votes[1] with { ProjectIds = ["p9"] };

        var error = Assert.Throws<ArgumentException>(() => Create(votes: votes));

        Assert.Equal("vote 2: vote names project 'p9' which is not in PROJECTS", error.Message);
    }

    [Fact]
    public void Creating_a_file_applies_the_same_rules_as_reading()
    {
        var projects = Projects();
        projects[1] = projects[1] with { Id = "p1" };
        var withNone = Projects();
        withNone[0] = withNone[0] with { Fields = ["None"] };
        var shortPoints = Votes();
        shortPoints[0] = shortPoints[0] with { Points = ImmutableArray.Create(3m) };

        Assert.Contains("project id 'p1' appears twice (also project 1)",
            Assert.Throws<ArgumentException>(() => Create(projects: projects)).Message, StringComparison.Ordinal);
        Assert.Contains("would be read back as no value",
            Assert.Throws<ArgumentException>(() => Create(projects: withNone)).Message, StringComparison.Ordinal);
        Assert.Contains("points has 1 values but vote has 2",
            Assert.Throws<ArgumentException>(() => Create(votes: shortPoints)).Message, StringComparison.Ordinal);
        Assert.Contains("META: META has no budget",
            Assert.Throws<ArgumentException>(() => Create(meta: [.. s_meta.Where(m => m.Key != "budget")])).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_a_file_rejects_ids_with_spaces_around_them_because_reading_would_trim_them()
    {
        var projects = Projects();
        projects[0] = projects[0] with { Id = " p1" };

        Assert.Contains("has spaces around it",
            Assert.Throws<ArgumentException>(() => Create(projects: projects)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_a_file_rejects_uninitialised_arrays_instead_of_failing_later()
    {
        var votes = Votes();
        votes[0] = votes[0] with { Fields = default };

        Assert.Throws<ArgumentException>(() => Create(votes: votes));
    }

    [Fact]
    public void A_row_prints_its_values()
    {
        Assert.Equal("PabulibVote { VoterId = 1, ProjectIds = [\"p1\", \"p2\"], Points = [\"3\", \"2\"], Fields = [] }",
            Votes()[0].ToString());
        Assert.Equal("PabulibProject { Id = p2, Cost = 40, Fields = [none] }", Projects()[1].ToString());
    }
}
