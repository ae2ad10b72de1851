using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

public sealed class Cycle_phases : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private ServerNode _node = null!;

    private INeighbourhoodGrain Oost => _node.Neighbourhood("oost");

    public async Task InitializeAsync()
    {
        _node = ServerNode.OnSqlite(_folder.File("ledger.db"), BallotSecrecy.CreateRandom(), snapshotEvery: 3);
        await Oost.CreateBudgetCycleAsync(new CreateBudgetCycle(Votes.Cycle, "Leefbaarheidsbudget 2026", 2_000_000));
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_cycle_walks_from_draft_through_every_phase_to_closed()
    {
        await Oost.ChangePhaseAsync(Votes.Cycle, CyclePhase.Ideas);
        await Oost.ChangePhaseAsync(Votes.Cycle, CyclePhase.Deliberation);
        await Oost.ChangePhaseAsync(Votes.Cycle, CyclePhase.Review);
        await Oost.OpenVotingAsync(Votes.Opening());
        await Oost.CloseVotingAsync(Votes.Cycle);
        Assert.Equal(CyclePhase.Results, (await Oost.GetCycleAsync(Votes.Cycle)).Phase);
        await Oost.ChangePhaseAsync(Votes.Cycle, CyclePhase.Implementation);
        await Oost.ChangePhaseAsync(Votes.Cycle, CyclePhase.Closed);

        await using var restarted = ServerNode.OnSqlite(_folder.File("ledger.db"), BallotSecrecy.CreateRandom(), snapshotEvery: 3);
        Assert.Equal(CyclePhase.Closed, (await restarted.Neighbourhood("oost").GetCycleAsync(Votes.Cycle)).Phase);
    }

    [Theory]
    [InlineData(CyclePhase.Voting, CycleProblem.InvalidCommand, "open-voting")]
    [InlineData(CyclePhase.Results, CycleProblem.InvalidCommand, "close-voting")]
    [InlineData(CyclePhase.Implementation, CycleProblem.WrongPhase, "without the voting and results phases")]
    [InlineData(CyclePhase.Draft, CycleProblem.WrongPhase, "already in the draft phase")]
    public async Task An_illegal_change_is_refused_with_a_reason_and_nothing_is_written(CyclePhase to, CycleProblem problem, string reason)
    {
        var before = await _node.Ledger.ReadHeadAsync("neighbourhood/oost");

        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.ChangePhaseAsync(Votes.Cycle, to));

        Assert.Equal(problem, refused.Problem);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _node.Ledger.ReadHeadAsync("neighbourhood/oost"));
    }

    [Fact]
    public async Task Phases_never_go_back_and_voting_cannot_reopen()
    {
        await Oost.ChangePhaseAsync(Votes.Cycle, CyclePhase.Review);
        await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.ChangePhaseAsync(Votes.Cycle, CyclePhase.Ideas));
        await Oost.OpenVotingAsync(Votes.Opening());
        await Oost.CloseVotingAsync(Votes.Cycle);

        var reopen = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.OpenVotingAsync(Votes.Opening()));

        Assert.Contains("already opened", reopen.Message, StringComparison.Ordinal);
        Assert.Equal(CyclePhase.Results, (await Oost.GetCycleAsync(Votes.Cycle)).Phase);
    }
}
