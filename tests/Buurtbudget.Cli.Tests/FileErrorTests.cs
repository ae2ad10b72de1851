namespace Buurtbudget.Cli.Tests;

/// <summary>A file that cannot be used exits with 1 and one line "error: FILE: reason" on stderr.</summary>
public sealed class FileErrorTests
{
    /// <summary>Line 10 has a cost that is not a number.</summary>
    private const string MalformedCost = """
        META
        key;value
        num_projects;2
        num_votes;1
        budget;100
        vote_type;approval
        PROJECTS
        project_id;cost
        1;40
        2;12a
        VOTES
        voter_id;vote
        v1;1
        """;

    [Theory]
    [InlineData("outcome", "--rule", "greedy")]
    [InlineData("outcome", "--rule", "mes", "--json")]
    [InlineData("check")]
    public void A_file_that_does_not_exist_is_reported_by_name(string command, params string[] options)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"buurtbudget-{Guid.NewGuid():N}.pb");

        var run = CliRun.Of([command, missing, .. options]);

        AssertFileError(run, $"error: {missing}: no such file");
    }

    [Theory]
    [InlineData("outcome", "--rule", "mes")]
    [InlineData("check")]
    public void A_malformed_file_is_reported_with_its_line_number(string command, params string[] options)
    {
        using var file = new TempPbFile(MalformedCost);

        var run = CliRun.Of([command, file.Path, .. options]);

        AssertFileError(run, $"error: {file.Path}: line 10: cost '12a' is not a number");
    }

    [Fact]
    public void A_vote_naming_an_unknown_project_is_reported_with_its_line_number()
    {
        using var file = new TempPbFile(MalformedCost.Replace("2;12a", "2;12", StringComparison.Ordinal)
            .Replace("v1;1", "v1;1,9", StringComparison.Ordinal));

        var run = CliRun.Of("outcome", file.Path, "--rule", "greedy");

        AssertFileError(run, $"error: {file.Path}: line 13: ");
        Assert.Contains("'9'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_instead_of_a_file_is_reported()
    {
        var folder = Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar);

        AssertFileError(CliRun.Of("check", folder), $"error: {folder}: is a folder");
    }

    [Fact]
    public void Phragmen_on_ballots_with_points_is_reported_as_a_problem_with_the_file()
    {
        using var file = new TempPbFile("""
            META
            key;value
            num_projects;2
            num_votes;1
            budget;100
            vote_type;cumulative
            PROJECTS
            project_id;cost
            1;40
            2;60
            VOTES
            voter_id;vote;points
            v1;1,2;3,2
            """);

        var run = CliRun.Of("outcome", file.Path, "--rule", "phragmen");

        AssertFileError(run, $"error: {file.Path}: Sequential Phragmén needs approval ballots");
    }

    private static void AssertFileError(CliRun run, string start)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith(start, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Usage:", run.Error, StringComparison.Ordinal);
    }
}
