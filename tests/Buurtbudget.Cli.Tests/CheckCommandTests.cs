using System.Text.Json;

namespace Buurtbudget.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void Check_summarises_a_valid_file()
    {
        using var file = new TempPbFile(HandMadeElection.Text);

        var run = CliRun.Of("check", file.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.StartsWith($"{file.Path}: valid Pabulib file", run.Output, StringComparison.Ordinal);
        Assert.Equal("10", run.Field("voters:"));
        Assert.Equal("4", run.Field("projects:"));
        Assert.Equal("100 EUR", run.Field("budget:"));
        Assert.Equal("approval", run.Field("vote type:"));
        Assert.Equal("EUR", run.Field("currency:"));
        Assert.Equal("Hand-made test election", run.Field("description:"));
        Assert.Equal("max_length=2", run.Field("ballot design:"));
        Assert.Equal("none", run.Field("warnings:"));
    }

    [Fact]
    public void Check_warns_about_ballots_repeating_a_project_unsupported_projects_and_too_long_ballots()
    {
        var text = HandMadeElection.Text
            .Replace("v1;7,2", "v1;7,2,7", StringComparison.Ordinal)
            .Replace("v7;12,5", "v7;12,7,2", StringComparison.Ordinal);
        using var file = new TempPbFile(text);

        var run = CliRun.Of("check", file.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("3", run.Field("warnings:"));
        Assert.Contains("  - 1 ballots name a project more than once; it counts once", run.Output, StringComparison.Ordinal);
        Assert.Contains("  - 1 ballots name more projects than max_length 2", run.Output, StringComparison.Ordinal);
        Assert.Contains("  - 1 projects have no votes: 5", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_as_json_gives_the_same_summary_as_data()
    {
        using var file = new TempPbFile(HandMadeElection.Text);

        var run = CliRun.Of("check", file.Path, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(10, root.GetProperty("voterCount").GetInt32());
        Assert.Equal(100m, root.GetProperty("budget").GetDecimal());
        Assert.Equal("approval", root.GetProperty("voteType").GetString());
        Assert.Equal("max_length", root.GetProperty("ballotDesign")[0].GetProperty("key").GetString());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }
}
