using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Rules;

/// <summary>
/// Every rule on every real election with a reference outcome must select exactly the projects pabutools
/// selects. The data is read in place from the Pabulib folder; a missing folder fails the suite.
/// </summary>
public sealed class Outcomes_match_the_reference_implementation
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, rule, _) in ReferenceOutcomes.Cases)
        {
            data.Add(file, rule);
        }

        return data;
    }

    [Fact]
    public void The_reference_lists_every_rule_on_at_least_twenty_elections()
    {
        var cases = ReferenceOutcomes.Cases;
        Assert.True(cases.Select(c => c.File).Distinct().Count() >= 20, "expected.json should cover 20+ elections");
        foreach (var rule in new[] { "greedy_cost", "greedy_cardinality", "mes_cost", "mes_cardinality", "mes_cost_add1",
                     "mes_cardinality_add1", "mes_cost_add1_greedy", "mes_cardinality_add1_greedy", "phragmen" })
        {
            Assert.Contains(cases, c => c.RuleKey == rule);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selected_projects_equal_the_reference(string file, string rule)
    {
        var expected = ReferenceOutcomes.Cases.Single(c => c.File == file && c.RuleKey == rule).Selected;
        var election = ReferenceOutcomes.ElectionOf(file);

        var outcome = OutcomeCalculator.Compute(election, ReferenceOutcomes.RuleFor(rule));

        Assert.Equal(expected, outcome.SelectedSorted.ToArray());
        Assert.True(outcome.TotalCost <= outcome.Budget, $"{file} {rule} spends {outcome.TotalCost} of {outcome.Budget}");
    }
}
