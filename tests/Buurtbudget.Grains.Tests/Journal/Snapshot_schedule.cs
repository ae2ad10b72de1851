using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Grains.Tests.Journal;

/// <summary>
/// A snapshot holds the whole state, so how often one is written decides both the bytes written over a stream's
/// life and how much an activation replays after the newest one.
/// </summary>
public sealed class Snapshot_schedule
{
    private const int Every = NeighbourhoodGrain.DefaultSnapshotEvery;

    [Theory]
    [InlineData(0, Every)]
    [InlineData(30_000, Every)]
    [InlineData(40_000, Every)]
    [InlineData(50_000, 12_500)]
    [InlineData(1_000_000, 250_000)]
    public void The_interval_is_the_hosts_until_a_quarter_of_the_stream_is_more(long lastSnapshot, long interval) =>
        Assert.Equal(interval, EventJournal<NeighbourhoodState, NeighbourhoodEvent>.SnapshotInterval(lastSnapshot, Every));

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    [InlineData(10_000_000)]
    public void Snapshot_bytes_grow_with_the_stream_not_its_square_and_replay_stays_within_a_fifth(long entries)
    {
        long last = 0, written = 0, longestReplay = 0;
        for (long version = 1; version <= entries; version++)
        {
            longestReplay = Math.Max(longestReplay, version - last);
            if (version - last >= EventJournal<NeighbourhoodState, NeighbourhoodEvent>.SnapshotInterval(last, Every))
            {
                written += version; // a snapshot's size grows with the entries it folds
                last = version;
            }
        }

        // Every 10,000 entries the total would be about entries² / 20,000: 50 times the stream at a million.
        Assert.InRange(written, entries, 6 * entries);
        Assert.InRange(longestReplay, 1, Math.Max(Every, entries / 5 + 1));
    }
}
