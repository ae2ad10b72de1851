using Buurtbudget.Domain.Cycles;

namespace Buurtbudget.Domain.Tests.Cycles;

public sealed class A_phase_schedule
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 9, 0, 0, TimeSpan.FromHours(1));

    private static ScheduledPhase Step(CyclePhase phase, int days) => new(phase, Now.AddDays(days));

    [Fact]
    public void Of_legal_moves_at_increasing_future_times_is_accepted()
    {
        Assert.Null(PhaseSchedule.WhyNot(CyclePhase.Draft,
            [Step(CyclePhase.Ideas, 1), Step(CyclePhase.Review, 20), Step(CyclePhase.Voting, 30), Step(CyclePhase.Results, 44), Step(CyclePhase.Closed, 60)], Now));
        Assert.Null(PhaseSchedule.WhyNot(CyclePhase.Voting, [], Now));
    }

    [Theory]
    [InlineData(CyclePhase.Draft, CyclePhase.Results, 1, "without the voting phase")]
    [InlineData(CyclePhase.Review, CyclePhase.Ideas, 1, "only move forward")]
    [InlineData(CyclePhase.Ideas, CyclePhase.Ideas, 1, "already in the ideas phase")]
    [InlineData(CyclePhase.Draft, CyclePhase.Ideas, 0, "not in the future")]
    [InlineData(CyclePhase.Draft, CyclePhase.Ideas, -3, "not in the future")]
    [InlineData(CyclePhase.Draft, (CyclePhase)42, 1, "not a phase")]
    public void With_a_step_that_is_illegal_or_not_in_the_future_is_refused_with_the_reason(CyclePhase current, CyclePhase to, int days, string reason)
    {
        Assert.Contains(reason, PhaseSchedule.WhyNot(current, [Step(to, days)], Now), StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_each_step_from_the_one_before_it_and_wants_time_order()
    {
        Assert.Contains("without the voting phase",
            PhaseSchedule.WhyNot(CyclePhase.Draft, [Step(CyclePhase.Ideas, 1), Step(CyclePhase.Results, 2)], Now), StringComparison.Ordinal);
        Assert.Contains("time order",
            PhaseSchedule.WhyNot(CyclePhase.Draft, [Step(CyclePhase.Ideas, 5), Step(CyclePhase.Review, 5)], Now), StringComparison.Ordinal);
        Assert.Contains("time order",
            PhaseSchedule.WhyNot(CyclePhase.Draft, [Step(CyclePhase.Ideas, 5), Step(CyclePhase.Review, 2)], Now), StringComparison.Ordinal);
        Assert.Contains("at most",
            PhaseSchedule.WhyNot(CyclePhase.Draft, [.. Enumerable.Range(1, 8).Select(d => Step(CyclePhase.Ideas, d))], Now), StringComparison.Ordinal);
    }
}
