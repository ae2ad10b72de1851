using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Ledger;
using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests.Proposals;

public sealed class Proposals_on_the_ledger : IAsyncLifetime
{
    private static readonly ProposalText Garden = new("Vegetable garden", "Raised beds behind block C; we water them.", 900_000, "Binnenhof C");
    private readonly TempDirectory _folder = new();
    private readonly BallotSecrecy _secrecy = BallotSecrecy.CreateRandom();
    private ServerNode _node = null!;

    private IProposalGrain Proposal => _node.Proposal("p-1");

    public Task InitializeAsync()
    {
        _node = ServerNode.OnSqlite(_folder.File("ledger.db"), _secrecy);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _folder.Dispose();
    }

    private Task<StreamHead> Head() => _node.Ledger.ReadHeadAsync("proposal/p-1");

    [Fact]
    public async Task A_submitted_proposal_is_stored_with_its_first_revision()
    {
        var submitted = await Proposal.SubmitAsync(new SubmitProposal("oost", "2026", "resident:anna", Garden with { Title = "  Vegetable garden " }));

        Assert.Equal("Vegetable garden", submitted.Text.Title);
        Assert.Equal(ProposalStatus.Open, submitted.Status);
        Assert.Single(submitted.History);
        Assert.Equal(submitted.Text, (await Proposal.GetAsync())!.Text);
        Assert.Equal(1, (await Head()).Version);
    }

    [Fact]
    public async Task Revisions_keep_the_full_history_and_survive_a_reload()
    {
        await Proposal.SubmitAsync(new SubmitProposal("oost", "2026", "resident:anna", Garden));
        await Proposal.ReviseAsync(new ReviseProposal("resident:anna", Garden with { CostCents = 750_000 }));
        await Proposal.ReviseAsync(new ReviseProposal("resident:anna", Garden with { CostCents = 750_000, Place = "Binnenhof D" }));

        await _node.DisposeAsync();
        _node = ServerNode.OnSqlite(_folder.File("ledger.db"), _secrecy);
        var reloaded = (await Proposal.GetAsync())!;

        Assert.Equal([900_000L, 750_000, 750_000], reloaded.History.Select(r => r.Text.CostCents));
        Assert.Equal("Binnenhof D", reloaded.Text.Place);
        Assert.Equal([1, 2, 3], reloaded.History.Select(r => r.Number));
    }

    [Fact]
    public async Task Only_the_author_may_revise_or_withdraw_and_a_refusal_writes_nothing()
    {
        await Proposal.SubmitAsync(new SubmitProposal("oost", "2026", "resident:anna", Garden));
        var before = await Head();

        var revise = await Assert.ThrowsAsync<ProposalException>(() => Proposal.ReviseAsync(new ReviseProposal("resident:mallory", Garden with { CostCents = 1 })));
        var withdraw = await Assert.ThrowsAsync<ProposalException>(() => Proposal.WithdrawAsync(new WithdrawProposal("resident:mallory", "spite")));

        Assert.Equal(ProposalProblem.NotTheAuthor, revise.Problem);
        Assert.Equal(ProposalProblem.NotTheAuthor, withdraw.Problem);
        Assert.Equal(before, await Head());
    }

    [Fact]
    public async Task A_withdrawn_proposal_keeps_its_reason_and_can_no_longer_change()
    {
        await Proposal.SubmitAsync(new SubmitProposal("oost", "2026", "resident:anna", Garden));
        var withdrawn = await Proposal.WithdrawAsync(new WithdrawProposal("resident:anna", "Merged with the courtyard plan."));

        var refused = await Assert.ThrowsAsync<ProposalException>(() => Proposal.ReviseAsync(new ReviseProposal("resident:anna", Garden)));

        Assert.Equal(ProposalStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("Merged with the courtyard plan.", withdrawn.WithdrawalReason);
        Assert.Equal(ProposalProblem.Withdrawn, refused.Problem);
    }

    [Theory]
    [InlineData("", "Something", 100, "title")]
    [InlineData("Benches", "", 100, "Describe")]
    [InlineData("Benches", "Two benches", 0, "cost")]
    [InlineData("Benches", "Two benches", -5, "cost")]
    public async Task An_incomplete_proposal_is_refused_with_what_to_fix_and_nothing_is_written(string title, string description, long cost, string mentions)
    {
        var refused = await Assert.ThrowsAsync<ProposalException>(() =>
            Proposal.SubmitAsync(new SubmitProposal("oost", "2026", "resident:anna", new ProposalText(title, description, cost))));

        Assert.Equal(ProposalProblem.InvalidText, refused.Problem);
        Assert.Contains(mentions, refused.Message, StringComparison.Ordinal);
        Assert.Equal(StreamHead.Empty, await Head());
        Assert.Null(await Proposal.GetAsync());
    }

    [Fact]
    public async Task A_proposal_id_cannot_be_submitted_twice()
    {
        await Proposal.SubmitAsync(new SubmitProposal("oost", "2026", "resident:anna", Garden));

        var refused = await Assert.ThrowsAsync<ProposalException>(() => Proposal.SubmitAsync(new SubmitProposal("oost", "2026", "resident:bram", Garden)));

        Assert.Equal(ProposalProblem.AlreadySubmitted, refused.Problem);
        Assert.Equal("resident:anna", (await Proposal.GetAsync())!.AuthorKey);
    }
}
