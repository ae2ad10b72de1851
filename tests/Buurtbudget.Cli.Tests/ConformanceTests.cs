using System.Text.Json;
using Buurtbudget.Domain.Tests;

namespace Buurtbudget.Cli.Tests;

/// <summary>The command line gives the reference implementation's outcomes on real data (pabutools 1.2.3,
/// recorded in expected.json next to the Pabulib files).</summary>
public sealed class ConformanceTests
{
    private const string Assen = "Netherlands_Assen_2024.pb";

    [Fact]
    public void Assen_2024_equal_shares_with_pabutools_ties_selects_the_reference_projects()
    {
        var run = CliRun.Of("outcome", PabulibData.PathOf(Assen), "--rule", "mes", "--tie-break", "pabutools", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Expected(Assen, "mes_cost"), Selected(run));
    }

    [Theory]
    [InlineData("greedy_cost", "--rule", "greedy")]
    [InlineData("greedy_cardinality", "--rule", "greedy-per-cost")]
    [InlineData("mes_cardinality", "--rule", "mes", "--utility", "approval")]
    [InlineData("mes_cost_add1", "--rule", "mes", "--completion", "add1")]
    [InlineData("mes_cardinality_add1_greedy", "--rule", "mes", "--utility", "approval", "--completion", "add1-greedy")]
    [InlineData("phragmen", "--rule", "phragmen")]
    public void Assen_2024_every_rule_with_pabutools_ties_selects_the_reference_projects(string key, params string[] rule)
    {
        var run = CliRun.Of(["outcome", PabulibData.PathOf(Assen), .. rule, "--tie-break", "pabutools", "--json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Expected(Assen, key), Selected(run));
    }

    private static string[] Selected(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Output);
        return [.. json.RootElement.GetProperty("selected").EnumerateArray().Select(e => e.GetString()!)];
    }

    private static string[] Expected(string file, string key)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(PabulibData.PathOf("expected.json")));
        var entry = json.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == file);
        return [.. entry.GetProperty("rules").GetProperty(key).EnumerateArray().Select(e => e.GetString()!)];
    }
}
