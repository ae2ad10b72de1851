using Buurtbudget.Ledger.Verification;

namespace Buurtbudget.Ledger.Tests.Verification;

/// <summary>The verifier on hand-made rows, for the problems no SQL fixture produces against a store's constraints.</summary>
public sealed class LedgerVerifierTests
{
    private static readonly IReadOnlyList<LedgerEntry> Chain = ChainHash.Chain("s", StreamHead.Empty, Events.Ballots(1, 2, 3, 4));

    private static RawEntryRow Row(LedgerEntry e) =>
        new(e.StreamId, e.Version, e.Kind, e.Payload.ToArray(), e.PreviousHash.Bytes.ToArray(), e.Hash.Bytes.ToArray());

    private static RawHeadRow Head(LedgerEntry e) => new(e.StreamId, e.Version, e.Hash.Bytes.ToArray());

    private static LedgerProblem OnlyProblem(LedgerRows rows, IReadOnlyDictionary<string, EntryHash>? expected = null) =>
        Assert.Single(LedgerVerifier.Verify(rows, expected).Problems);

    [Fact]
    public void Reports_the_head_of_an_intact_stream()
    {
        var verdict = LedgerVerifier.Verify(new LedgerRows(Chain.Select(Row).ToList(), [Head(Chain[^1])])).Stream("s");

        Assert.True(verdict.IsIntact);
        Assert.Equal(Chain[^1].Head, verdict.Head);
        Assert.Equal(4, verdict.Entries);
    }

    [Fact]
    public void Reports_a_duplicate_version_as_out_of_order()
    {
        var rows = Chain.Select(Row).ToList();
        rows.Insert(2, Row(Chain[1]));

        var problem = OnlyProblem(new LedgerRows(rows, [Head(Chain[^1])]));

        Assert.Equal((LedgerProblemKind.OutOfOrder, 2L), (problem.Kind, problem.Version));
    }

    [Fact]
    public void Reports_a_row_whose_previous_hash_points_elsewhere_as_a_broken_link()
    {
        var rows = Chain.Select(Row).ToList();
        rows[2] = rows[2] with { PreviousHash = Chain[0].Hash.Bytes.ToArray() };

        var problem = OnlyProblem(new LedgerRows(rows, [Head(Chain[^1])]));

        Assert.Equal((LedgerProblemKind.BrokenLink, 3L), (problem.Kind, problem.Version));
    }

    [Fact]
    public void Reports_a_stored_hash_of_the_wrong_length_as_an_altered_entry()
    {
        var rows = Chain.Select(Row).ToList();
        rows[0] = rows[0] with { EntryHash = [1, 2, 3] };

        var problem = OnlyProblem(new LedgerRows(rows, [Head(Chain[^1])]));

        Assert.Equal((LedgerProblemKind.AlteredEntry, 1L), (problem.Kind, problem.Version));
    }

    [Fact]
    public void Reports_heads_without_entries_and_entries_without_a_head()
    {
        Assert.Equal(LedgerProblemKind.HeadWithoutEntries, OnlyProblem(new LedgerRows([], [Head(Chain[^1])])).Kind);
        Assert.Equal(LedgerProblemKind.EntriesWithoutHead, OnlyProblem(new LedgerRows(Chain.Select(Row).ToList(), [])).Kind);
    }

    [Fact]
    public void Reports_an_expected_head_for_a_stream_that_does_not_exist()
    {
        var problem = OnlyProblem(new LedgerRows([], []), new Dictionary<string, EntryHash> { ["gone"] = Chain[^1].Hash });

        Assert.Equal(("gone", LedgerProblemKind.MissingStream), (problem.StreamId, problem.Kind));
    }

    [Fact]
    public void Accepts_a_published_head_the_stream_has_since_grown_past()
    {
        var verdict = LedgerVerifier.Verify(
            new LedgerRows(Chain.Select(Row).ToList(), [Head(Chain[^1])]),
            new Dictionary<string, EntryHash> { ["s"] = Chain[1].Hash }).Stream("s");

        Assert.True(verdict.IsIntact);
        Assert.Equal(2, verdict.ExpectedHeadVersion);
    }
}
