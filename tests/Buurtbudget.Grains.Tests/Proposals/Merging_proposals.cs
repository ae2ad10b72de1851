using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests.Proposals;

public sealed class Merging_proposals : IAsyncLifetime
{
    private static readonly StaffMember Moritz = new("https://login.ymere.test", "moritz");
    private readonly TempDirectory _folder = new();
    private ServerNode _node = null!;

    private IProposalGrain Garden => _node.Proposal("oost.2026.pgarden");
    private IProposalGrain Duplicate => _node.Proposal("oost.2026.pdup");

    public async Task InitializeAsync()
    {
        _node = ServerNode.OnSqlite(_folder.File("ledger.db"), BallotSecrecy.CreateRandom());
        await Garden.SubmitAsync(new SubmitProposal("oost", "2026", "household:anna", new("Moestuin", "Bakken achter blok C", 90_000)));
        await Duplicate.SubmitAsync(new SubmitProposal("oost", "2026", "household:bram", new("Groentetuin", "Ook een tuin", 80_000)));
        foreach (var supporter in new[] { "household:cem", "household:dana" })
        {
            await Garden.SupportAsync(supporter);
        }
        foreach (var supporter in new[] { "household:dana", "household:eva", "household:bram" })
        {
            await Duplicate.SupportAsync(supporter);
        }
        await Duplicate.PledgeAsync("household:eva", "Ik geef water");
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _folder.Dispose();
    }

    private async Task MergeAsync()
    {
        await Garden.AbsorbAsync("pdup", (await Duplicate.GetAsync())!, Moritz);
        await Duplicate.MarkMergedAsync("pgarden", Moritz);
    }

    [Fact]
    public async Task No_supporter_is_lost_or_counted_twice_and_the_duplicates_author_becomes_a_co_author()
    {
        await MergeAsync();

        var merged = (await Garden.GetAsync())!;
        Assert.Equal(["household:bram", "household:cem", "household:dana", "household:eva"], merged.Supporters.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["household:bram"], merged.CoAuthors.ToArray());
        Assert.Equal([(1, "Ik geef water")], merged.Pledges.Select(p => (p.Number, p.Text)));
        Assert.Equal(["pdup"], merged.MergedFrom.ToArray());
        await Garden.ReviseAsync(new ReviseProposal("household:bram", new("Moestuin en groentetuin", "Samen", 95_000)));
    }

    [Fact]
    public async Task Merging_again_changes_nothing_and_the_duplicate_takes_no_more_support()
    {
        await MergeAsync();
        var before = await _node.Ledger.ReadHeadAsync("proposal/oost.2026.pgarden");

        await MergeAsync();
        var refused = await Assert.ThrowsAsync<ProposalException>(() => Duplicate.SupportAsync("household:fay"));

        Assert.Equal(before, await _node.Ledger.ReadHeadAsync("proposal/oost.2026.pgarden"));
        Assert.Contains("merged into pgarden", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Merged, (await Duplicate.GetAsync())!.Status);
        Assert.Equal(4, (await Garden.GetAsync())!.Supporters.Length);
    }

    [Fact]
    public async Task A_withdrawn_duplicate_cannot_be_merged()
    {
        await Duplicate.WithdrawAsync(new WithdrawProposal("household:bram", "Dubbel"));
        var withdrawn = (await Duplicate.GetAsync())!;

        await Assert.ThrowsAsync<ProposalException>(() => Garden.AbsorbAsync("pdup", withdrawn, Moritz));
        Assert.Equal(2, (await Garden.GetAsync())!.Supporters.Length);
    }
}
