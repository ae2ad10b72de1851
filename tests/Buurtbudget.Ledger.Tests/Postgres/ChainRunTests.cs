using Buurtbudget.Ledger.GroupCommit;
using Buurtbudget.Ledger.Postgres;

namespace Buurtbudget.Ledger.Tests.Postgres;

/// <summary>
/// How a batch is cut into one statement per run of chained appends: only appends that extend exactly the head
/// the one before them leaves are merged, so a run's single head check decides what each of its appends would
/// have got on its own.
/// </summary>
public sealed class ChainRunTests
{
    private static PendingAppend Append(string stream, StreamHead expected, int ballot) =>
        new(stream, expected, ChainHash.Chain(stream, expected, Events.Ballots(ballot)));

    [Fact]
    public void Merges_a_streams_pipelined_appends_and_keeps_other_streams_and_broken_links_apart()
    {
        var a1 = Append("a", StreamHead.Empty, 1);
        var a2 = Append("a", a1.NewHead, 2);
        var b1 = Append("b", StreamHead.Empty, 3);
        var a3 = Append("a", a2.NewHead, 4);
        var rival = Append("a", a1.NewHead, 5); // another activation racing a2: must stay its own statement
        var batch = new[] { a1, a2, b1, a3, rival };
        var order = Enumerable.Range(0, batch.Length).OrderBy(i => batch[i].StreamId, StringComparer.Ordinal).ToArray();

        var runs = ChainRun.Of(batch, order);

        Assert.Equal(3, runs.Count);
        Assert.Equal([0, 1, 3], runs[0].Members);
        Assert.Equal(StreamHead.Empty, runs[0].Expected);
        Assert.True(runs[0].CreatesStream);
        Assert.Equal(a3.NewHead, runs[0].NewHead);
        Assert.Equal([1L, 2, 3], runs[0].Entries.Select(e => e.Version));
        Assert.Equal([4], runs[1].Members);
        Assert.Equal(a1.NewHead, runs[1].Expected);
        Assert.False(runs[1].CreatesStream);
        Assert.Equal([2], runs[2].Members);
        Assert.Equal("b", runs[2].StreamId);
    }
}
