using Buurtbudget.Ledger.Verification;

namespace Buurtbudget.Ledger.Tests.Tampering;

/// <summary>
/// Tamper evidence (G5) for each store: the committed SQL fixtures play someone with full write access to the
/// database; the verifier, reading raw rows, must name the exact stream and version, or, when the tampering left a
/// valid chain, the published head must expose it.
/// </summary>
public abstract class TamperContract : IAsyncLifetime
{
    private Dictionary<string, EntryHash> _published = [];

    /// <summary>Builds <see cref="CleanLedger"/> in a fresh store through the store's ledger.</summary>
    protected abstract Task<Dictionary<string, EntryHash>> BuildCleanLedgerAsync();

    /// <summary>Runs a fixture with the powers of an attacker (triggers bypassed, as a superuser or file owner could).</summary>
    protected abstract Task TamperAsync(string sql);

    protected abstract Task<LedgerRows> ReadRowsAsync();

    public virtual async Task InitializeAsync() => _published = await BuildCleanLedgerAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_intact_ledger_verifies_and_matches_its_published_heads()
    {
        var report = LedgerVerifier.Verify(await ReadRowsAsync(), _published);

        Assert.True(report.IsIntact);
        Assert.Equal(new StreamHead(5, _published[CleanLedger.Ballots]), report.Stream(CleanLedger.Ballots).Head);
        Assert.Equal(5, report.Stream(CleanLedger.Ballots).ExpectedHeadVersion);
        Assert.Equal(new StreamHead(3, _published[CleanLedger.Proposals]), report.Stream(CleanLedger.Proposals).Head);
    }

    [Theory]
    [InlineData("update-payload.sql", LedgerProblemKind.AlteredEntry, 3)]
    [InlineData("delete-middle-row.sql", LedgerProblemKind.MissingVersion, 3)]
    [InlineData("delete-last-row.sql", LedgerProblemKind.HeadMismatch, 5)]
    [InlineData("swap-payloads.sql", LedgerProblemKind.AlteredEntry, 2)]
    [InlineData("insert-out-of-order.sql", LedgerProblemKind.MissingVersion, 6)]
    public async Task Reports_tampering_at_its_exact_stream_and_version(string fixture, LedgerProblemKind kind, long version)
    {
        await TamperAsync(CleanLedger.Fixture(fixture));

        var report = LedgerVerifier.Verify(await ReadRowsAsync());

        var problem = Assert.Single(report.Problems);
        Assert.Equal((CleanLedger.Ballots, kind, version), (problem.StreamId, problem.Kind, problem.Version));
        Assert.True(report.Stream(CleanLedger.Proposals).IsIntact);
    }

    [Theory]
    [InlineData("delete-last-row-and-head.sql", 4)]
    [InlineData("rewrite-suffix.sql", 5)]
    public async Task Reports_a_rewritten_but_valid_chain_only_against_the_published_head(string fixture, long endsAt)
    {
        await TamperAsync(CleanLedger.Fixture(fixture));
        var rows = await ReadRowsAsync();

        Assert.True(LedgerVerifier.Verify(rows).IsIntact);
        var problem = Assert.Single(LedgerVerifier.Verify(rows, _published).Problems);
        Assert.Equal((CleanLedger.Ballots, LedgerProblemKind.UnexpectedHead, endsAt), (problem.StreamId, problem.Kind, problem.Version));
    }
}
