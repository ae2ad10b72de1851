using System.Collections.Immutable;
using System.Security.Cryptography;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>
/// The snapshot writer measures and fills one array instead of growing a stream; its bytes must stay exactly what
/// <see cref="BinaryWriter"/> wrote, so snapshots stored by earlier versions and new ones read the same way.
/// </summary>
public sealed class Snapshot_format
{
    [Fact]
    public void Writes_the_bytes_a_BinaryWriter_writes_and_reads_them_back()
    {
        BallotDigest Digest() => BallotDigest.FromBytes(RandomNumberGenerator.GetBytes(32));
        string Hash() => Digest().ToString();
        // More than one chunk of the box's list, so the writer crosses from one run of ballots to the next.
        var ballots = Enumerable.Range(1, AppendOnlyList<StoredBallot>.ChunkSize + 300).Select(i => new StoredBallot(Digest(), Digest(), i * 7L, Digest(),
            [new BallotEntry($"project-{i % 13}", i), new BallotEntry("speeltuin-ü", -0.001m * i), new BallotEntry(new string('x', 200 + i), 2.5m)]))
            .ToImmutableArray();
        var snapshot = new NeighbourhoodSnapshot(
        [
            new CycleSnapshot("2026", "Buurtbudget Oost – ‘groen’", 1_250_000, CyclePhase.Voting, null, null, Prefix([Digest(), Digest()]), Prefix(ballots)),
            new CycleSnapshot("2025", new string('t', 130), 0, CyclePhase.Closed, null, new BallotReceipt("neighbourhood-oost", 4_000_000_000L, Hash()), Prefix<BallotDigest>([]), Prefix<StoredBallot>([])),
        ]);

        var written = NeighbourhoodSnapshotFormat.Write(snapshot);

        Assert.Equal(WithBinaryWriter(snapshot), written);
        var read = NeighbourhoodSnapshotFormat.Read(written);
        Assert.Equal(2, read.Cycles.Length);
        Assert.Equal(snapshot.Cycles[0].Title, read.Cycles[0].Title);
        Assert.Equal(snapshot.Cycles[1].Closing, read.Cycles[1].Closing);
        Assert.Equal(snapshot.Cycles[0].Enrolled.ToArray(), read.Cycles[0].Enrolled.ToArray());
        Assert.Equal(ballots.Length, read.Cycles[0].Ballots.Count);
        for (int i = 0; i < ballots.Length; i++)
        {
            var (expected, actual) = (ballots[i], read.Cycles[0].Ballots[i]);
            Assert.Equal((expected.Slot, expected.Request, expected.Position, expected.EntryHash), (actual.Slot, actual.Request, actual.Position, actual.EntryHash));
            Assert.Equal(expected.Ballot.ToArray(), actual.Ballot.ToArray());
        }
    }

    [Fact]
    public void A_snapshot_taken_in_a_turn_holds_the_ballot_box_as_it_was_then()
    {
        var box = Ballots_in_memory.OpenBox();
        box.Enroll([Ballots_in_memory.Digest("slot", 1), Ballots_in_memory.Digest("slot", 2)]);
        for (int voter = 1; voter <= 10; voter++)
        {
            Ballots_in_memory.Record(box, voter, Votes.Projects[voter % 5].Id);
        }

        var taken = box.ToSnapshot();
        // The grain goes on after its turn: far more ballots and voters than the first chunk holds.
        box.Enroll(Enumerable.Range(3, 5_000).Select(voter => Ballots_in_memory.Digest("slot", voter)));
        for (int voter = 11; voter <= 5_000; voter++)
        {
            Ballots_in_memory.Record(box, voter, Votes.Projects[voter % 5].Id);
        }

        var read = NeighbourhoodSnapshotFormat.Read(NeighbourhoodSnapshotFormat.Write(new NeighbourhoodSnapshot([taken])));
        var cycle = Assert.Single(read.Cycles);
        Assert.Equal([Ballots_in_memory.Digest("slot", 1), Ballots_in_memory.Digest("slot", 2)], cycle.Enrolled.ToArray());
        Assert.Equal(Enumerable.Range(1, 10).Select(voter => Ballots_in_memory.Digest("slot", voter)), cycle.Ballots.Select(b => b.Slot));
        Assert.Equal(10, BudgetCycleState.FromSnapshot(cycle).Tally!.Turnout);
        Assert.Equal(5_000, box.AllBallots.Count);
    }

    [Fact]
    public void A_snapshot_that_says_it_holds_a_negative_number_of_ballots_is_unreadable()
    {
        var box = Ballots_in_memory.OpenBox();
        var bytes = NeighbourhoodSnapshotFormat.Write(new NeighbourhoodSnapshot([box.ToSnapshot()]));
        // The ballot count is the snapshot's last four bytes when the box is empty.
        BitConverter.TryWriteBytes(bytes.AsSpan(bytes.Length - 4), -1);

        var refused = Assert.Throws<InvalidDataException>(() => NeighbourhoodSnapshotFormat.Read(bytes));
        Assert.Contains("-1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_short_or_overlong_snapshot_is_unreadable()
    {
        var box = Ballots_in_memory.OpenBox();
        Ballots_in_memory.Record(box, 1, "bankjes");
        var bytes = NeighbourhoodSnapshotFormat.Write(new NeighbourhoodSnapshot([box.ToSnapshot()]));

        Assert.Throws<EndOfStreamException>(() => NeighbourhoodSnapshotFormat.Read(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<InvalidDataException>(() => NeighbourhoodSnapshotFormat.Read([.. bytes, 0]));
    }

    [Fact]
    public void Ballots_read_from_a_snapshot_share_their_lines()
    {
        var box = Ballots_in_memory.OpenBox();
        Ballots_in_memory.Record(box, 1, "bankjes", "moestuin");
        Ballots_in_memory.Record(box, 2, "moestuin");

        var read = NeighbourhoodSnapshotFormat.Read(NeighbourhoodSnapshotFormat.Write(new NeighbourhoodSnapshot([box.ToSnapshot()])));

        var ballots = read.Cycles[0].Ballots;
        Assert.Same(ballots[0].Ballot[1], ballots[1].Ballot[0]);
        Assert.Same(ballots[0].Ballot[1].ProjectId, ballots[1].Ballot[0].ProjectId);
        Assert.Equal(["bankjes", "moestuin"], ballots[0].Ballot.Select(line => line.ProjectId));
    }

    private static AppendOnlyList<T>.Prefix Prefix<T>(IEnumerable<T> items)
    {
        var list = new AppendOnlyList<T>();
        foreach (var item in items)
        {
            list.Add(item);
        }
        return list.Take();
    }

    /// <summary>The format as version 2 first wrote it, with a stream and a <see cref="BinaryWriter"/>.</summary>
    private static byte[] WithBinaryWriter(NeighbourhoodSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write((byte)2);
            writer.Write(snapshot.Cycles.Length);
            foreach (var cycle in snapshot.Cycles)
            {
                writer.Write(cycle.CycleId);
                writer.Write(cycle.Title);
                writer.Write(cycle.BudgetCents);
                writer.Write((byte)cycle.Phase);
                writer.Write(0); // no manifest: an empty blob
                writer.Write(cycle.Closing is not null);
                if (cycle.Closing is { } closing)
                {
                    writer.Write(closing.StreamId);
                    writer.Write(closing.Position);
                    writer.Write(Convert.FromHexString(closing.EntryHash));
                }
                writer.Write(cycle.Enrolled.Count);
                foreach (var slot in cycle.Enrolled)
                {
                    writer.Write(Convert.FromHexString(slot.ToString()));
                }
                writer.Write(cycle.Ballots.Count);
                foreach (var ballot in cycle.Ballots)
                {
                    writer.Write(Convert.FromHexString(ballot.Slot.ToString()));
                    writer.Write(Convert.FromHexString(ballot.Request.ToString()));
                    writer.Write(ballot.Position);
                    writer.Write(Convert.FromHexString(ballot.EntryHash.ToString()));
                    writer.Write(ballot.Ballot.Length);
                    foreach (var entry in ballot.Ballot)
                    {
                        writer.Write(entry.ProjectId);
                        writer.Write(entry.Value);
                    }
                }
            }
        }
        return stream.ToArray();
    }
}
