using Buurtbudget.Domain.Cycles;

namespace Buurtbudget.Domain.Tests.Cycles;

public sealed class The_phase_machine
{
    private static readonly (CyclePhase From, CyclePhase To)[] Allowed =
    [
        (CyclePhase.Draft, CyclePhase.Ideas), (CyclePhase.Draft, CyclePhase.Deliberation), (CyclePhase.Draft, CyclePhase.Review), (CyclePhase.Draft, CyclePhase.Voting),
        (CyclePhase.Ideas, CyclePhase.Deliberation), (CyclePhase.Ideas, CyclePhase.Review), (CyclePhase.Ideas, CyclePhase.Voting),
        (CyclePhase.Deliberation, CyclePhase.Review), (CyclePhase.Deliberation, CyclePhase.Voting),
        (CyclePhase.Review, CyclePhase.Voting),
        (CyclePhase.Voting, CyclePhase.Results),
        (CyclePhase.Results, CyclePhase.Implementation), (CyclePhase.Results, CyclePhase.Closed),
        (CyclePhase.Implementation, CyclePhase.Closed),
    ];

    [Fact]
    public void Exactly_the_listed_transitions_are_allowed_and_every_other_one_says_why_not()
    {
        foreach (var from in Enum.GetValues<CyclePhase>())
        {
            foreach (var to in Enum.GetValues<CyclePhase>())
            {
                string? whyNot = PhaseRules.WhyNot(from, to);
                Assert.True(Allowed.Contains((from, to)) == (whyNot is null), $"{from} → {to}: {whyNot ?? "allowed"}");
                if (whyNot is not null)
                {
                    Assert.Contains(PhaseRules.Name(to), whyNot, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [InlineData(CyclePhase.Voting, CyclePhase.Review, "only move forward")]
    [InlineData(CyclePhase.Results, CyclePhase.Voting, "only move forward")]
    [InlineData(CyclePhase.Ideas, CyclePhase.Ideas, "already in the ideas phase")]
    [InlineData(CyclePhase.Review, CyclePhase.Results, "without the voting phase")]
    [InlineData(CyclePhase.Draft, CyclePhase.Closed, "without the voting and results phases")]
    public void A_refused_transition_explains_itself(CyclePhase from, CyclePhase to, string expected)
    {
        Assert.Contains(expected, PhaseRules.WhyNot(from, to), StringComparison.Ordinal);
    }

    [Fact]
    public void A_phase_nobody_defined_is_refused()
    {
        Assert.Contains("not a phase", PhaseRules.WhyNot(CyclePhase.Draft, (CyclePhase)99), StringComparison.Ordinal);
    }

    [Fact]
    public void Voting_has_closed_from_results_on_and_proposals_are_open_in_ideas_and_deliberation()
    {
        Assert.Equal([CyclePhase.Results, CyclePhase.Implementation, CyclePhase.Closed], PhaseRules.Order.Where(PhaseRules.VotingHasClosed));
        Assert.Equal([CyclePhase.Ideas, CyclePhase.Deliberation], PhaseRules.Order.Where(PhaseRules.AcceptsProposals));
        Assert.Equal([CyclePhase.Deliberation, CyclePhase.Review, CyclePhase.Voting], PhaseRules.Next(CyclePhase.Ideas).ToArray());
    }
}
