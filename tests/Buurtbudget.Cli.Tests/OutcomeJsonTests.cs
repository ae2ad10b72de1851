using System.Text.Json;

namespace Buurtbudget.Cli.Tests;

public sealed class OutcomeJsonTests : IDisposable
{
    private readonly TempPbFile _file = new(HandMadeElection.Text);

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Json_output_is_one_object_with_the_rule_selection_and_money()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "mes", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("mes-cost", root.GetProperty("rule").GetString());
        Assert.Equal(["12", "7"], Strings(root.GetProperty("selected")));
        Assert.Equal(["7", "12"], Strings(root.GetProperty("selectedInOrder")));
        Assert.Equal(90m, root.GetProperty("totalCost").GetDecimal());
        Assert.Equal(100m, root.GetProperty("budget").GetDecimal());
        Assert.Equal(10m, root.GetProperty("budgetLeft").GetDecimal());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("totalCost").ValueKind);
        var shares = root.GetProperty("equalShares");
        Assert.Equal(10m, shares.GetProperty("endowment").GetDecimal());
        Assert.Equal(0, shares.GetProperty("add1Steps").GetInt64());
        Assert.Equal(1, shares.GetProperty("runs").GetInt32());
        Assert.False(root.TryGetProperty("projects", out _));
    }

    [Theory]
    [InlineData("greedy")]
    [InlineData("greedy-per-cost")]
    [InlineData("mes")]
    [InlineData("phragmen")]
    public void Json_selected_is_the_selection_in_pick_order_sorted_as_ordinal_strings(string rule)
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", rule, "--json");

        using var json = JsonDocument.Parse(run.Output);
        var inOrder = Strings(json.RootElement.GetProperty("selectedInOrder"));
        Assert.Equal(inOrder.Order(StringComparer.Ordinal), Strings(json.RootElement.GetProperty("selected")));
    }

    [Fact]
    public void Json_for_rules_other_than_equal_shares_has_no_equal_shares_account()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "greedy", "--json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(["2", "7"], Strings(json.RootElement.GetProperty("selected")));
        Assert.False(json.RootElement.TryGetProperty("equalShares", out _));
    }

    [Fact]
    public void Json_with_explain_lists_every_project_with_its_verdict_as_a_word()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "mes", "--completion", "add1", "--json", "--explain");

        using var json = JsonDocument.Parse(run.Output);
        var projects = json.RootElement.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(["7", "2", "12", "5"], projects.Select(p => p.GetProperty("projectId").GetString()));
        Assert.Equal(
            ["funded", "supportersCouldNotAfford", "funded", "supportersCouldNotAfford"],
            projects.Select(p => p.GetProperty("verdict").GetString()));
        Assert.Equal(60m, projects[0].GetProperty("cost").GetDecimal());
        Assert.Equal(6m, projects[0].GetProperty("score").GetDecimal());
        Assert.Equal(1, projects[0].GetProperty("round").GetInt32());

        var shares = json.RootElement.GetProperty("equalShares");
        Assert.Equal(17m, shares.GetProperty("endowment").GetDecimal());
        Assert.Equal(7, shares.GetProperty("add1Steps").GetInt64());
        var voter = shares.GetProperty("voterSample")[0];
        Assert.Equal("v1", voter.GetProperty("voterId").GetString());
        Assert.Equal(7m, voter.GetProperty("left").GetDecimal());
    }

    private static string[] Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
