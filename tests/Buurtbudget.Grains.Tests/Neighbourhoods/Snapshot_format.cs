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
        var ballots = Enumerable.Range(1, 300).Select(i => new StoredBallot(Digest(), Digest(), i * 7L, Digest(),
            [new BallotEntry($"project-{i % 13}", i), new BallotEntry("speeltuin-ü", -0.001m * i), new BallotEntry(new string('x', 200 + i), 2.5m)]))
            .ToImmutableArray();
        var snapshot = new NeighbourhoodSnapshot(
        [
            new CycleSnapshot("2026", "Buurtbudget Oost – ‘groen’", 1_250_000, CyclePhase.Voting, null, null, [Digest(), Digest()], ballots),
            new CycleSnapshot("2025", new string('t', 130), 0, CyclePhase.Closed, null, new BallotReceipt("neighbourhood-oost", 4_000_000_000L, Hash()), [], []),
        ]);

        var written = NeighbourhoodSnapshotFormat.Write(snapshot);

        Assert.Equal(WithBinaryWriter(snapshot), written);
        var read = NeighbourhoodSnapshotFormat.Read(written);
        Assert.Equal(2, read.Cycles.Length);
        Assert.Equal(snapshot.Cycles[0].Title, read.Cycles[0].Title);
        Assert.Equal(snapshot.Cycles[1].Closing, read.Cycles[1].Closing);
        Assert.Equal(snapshot.Cycles[0].Enrolled.ToArray(), read.Cycles[0].Enrolled.ToArray());
        Assert.Equal(ballots.Length, read.Cycles[0].Ballots.Length);
        for (int i = 0; i < ballots.Length; i++)
        {
            var (expected, actual) = (ballots[i], read.Cycles[0].Ballots[i]);
            Assert.Equal((expected.Slot, expected.Request, expected.Position, expected.EntryHash), (actual.Slot, actual.Request, actual.Position, actual.EntryHash));
            Assert.Equal(expected.Ballot.ToArray(), actual.Ballot.ToArray());
        }
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
                writer.Write(cycle.Enrolled.Length);
                foreach (var slot in cycle.Enrolled)
                {
                    writer.Write(Convert.FromHexString(slot.ToString()));
                }
                writer.Write(cycle.Ballots.Length);
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
