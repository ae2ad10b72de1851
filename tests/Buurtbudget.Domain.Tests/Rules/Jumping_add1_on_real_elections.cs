using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Rules;

/// <summary>
/// Add1 completion skips endowments it has proven to change nothing. On real elections (every vote type, small
/// enough that step-by-step add1 runs in a test) it must stop at the same step as add1 one step at a time and select
/// the same projects. Random elections check the same property on many small cases; these check it on the
/// long runs of steps that real data produces.
/// </summary>
public sealed class Jumping_add1_on_real_elections
{
    public static TheoryData<string, Utility> Cases()
    {
        var data = new TheoryData<string, Utility>();
        foreach (var file in new[]
                 {
                     "Netherlands_Amsterdam_643.pb", "Worldwide_Mechanical_Turk_Utilities_7.pb", "Netherlands_Assen_2024.pb",
                     "Switzerland_Zurich_D10.pb", "Switzerland_Zurich_S5.pb", "Switzerland_Zurich_S5R.pb",
                     "Netherlands_Amsterdam_588.pb", "Poland_Lodz_2020_Nr_33.pb", "Netherlands_Amsterdam_166.pb",
                     "Poland_Krakow_2018_Wzgorza_Krzeslawickie.pb", "Poland_Swiecie_2023.pb",
                 })
        {
            data.Add(file, Utility.Cost);
            data.Add(file, Utility.Approval);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jumping_stops_at_the_step_and_selection_of_step_by_step_add1(string file, Utility utility)
    {
        var election = ReferenceOutcomes.ElectionOf(file);
        var rule = OutcomeRule.EqualShares(utility, Completion.Add1) with { TieBreak = TieBreak.Pabutools };

        var jumping = OutcomeCalculator.Compute(election, rule, jumpingAdd1: true);
        var stepping = OutcomeCalculator.Compute(election, rule, jumpingAdd1: false);

        Assert.Equal(stepping.EqualShares!.Add1Steps, jumping.EqualShares!.Add1Steps);
        Assert.Equal(stepping.SelectedSorted.ToArray(), jumping.SelectedSorted.ToArray());
        Assert.True(jumping.EqualShares.EqualSharesRuns <= stepping.EqualShares.EqualSharesRuns * 2,
            $"{file}: jumping took {jumping.EqualShares.EqualSharesRuns} runs for {jumping.EqualShares.Add1Steps} steps");
    }
}
