using Buurtbudget.Domain.Cycles;
using System.Collections.Immutable;
using System.Text.Json;
using Buurtbudget.Domain.Ballots;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// A compact binary form of a neighbourhood's state for snapshots. JSON spelled every slot, digest and hash out
/// in hex and took longer to parse than replaying the ledger; here they are raw 32-byte values. The first byte is
/// the format version: a snapshot in an unknown format is ignored (the journal replays the ledger instead).
/// </summary>
internal static class NeighbourhoodSnapshotFormat
{
    private const byte Version = 2;

    /// <summary>
    /// Measures first and then writes into one array of the exact size. A snapshot of 100,000 ballots is ~20 MB:
    /// growing a stream to that size allocated (and the kernel zeroed) four times as much, on the large object heap.
    /// The bytes are what <see cref="BinaryWriter"/> would write, so <see cref="Read"/> reads both.
    /// </summary>
    public static byte[] Write(NeighbourhoodSnapshot snapshot)
    {
        var manifests = snapshot.Cycles.Select(c => c.Manifest is null ? [] : NeighbourhoodJson.Encode(c.Manifest)).ToArray();
        var bytes = GC.AllocateUninitializedArray<byte>(Measure(snapshot, manifests));
        var writer = new SnapshotWriter(bytes);
        writer.Byte(Version);
        writer.Int32(snapshot.Cycles.Length);
        for (int c = 0; c < snapshot.Cycles.Length; c++)
        {
            var cycle = snapshot.Cycles[c];
            writer.String(cycle.CycleId);
            writer.String(cycle.Title);
            writer.Int64(cycle.BudgetCents);
            writer.Byte((byte)cycle.Phase);
            writer.Int32(manifests[c].Length);
            writer.Bytes(manifests[c]);
            writer.Byte(cycle.Closing is null ? (byte)0 : (byte)1);
            if (cycle.Closing is { } closing)
            {
                writer.String(closing.StreamId);
                writer.Int64(closing.Position);
                writer.Hex(closing.EntryHash);
            }
            writer.Int32(cycle.Enrolled.Count);
            foreach (var slot in cycle.Enrolled)
            {
                writer.Digest(slot);
            }
            writer.Int32(cycle.Ballots.Count);
            foreach (var ballot in cycle.Ballots)
            {
                writer.Digest(ballot.Slot);
                writer.Digest(ballot.Request);
                writer.Int64(ballot.Position);
                writer.Digest(ballot.EntryHash);
                writer.Int32(ballot.Ballot.Length);
                foreach (var entry in ballot.Ballot)
                {
                    writer.String(entry.ProjectId);
                    writer.Decimal(entry.Value);
                }
            }
        }
        if (!writer.IsFull)
        {
            throw new InvalidOperationException("The snapshot was measured wrongly.");
        }
        return bytes;
    }

    private static int Measure(NeighbourhoodSnapshot snapshot, byte[][] manifests)
    {
        long size = 1 + 4;
        for (int c = 0; c < snapshot.Cycles.Length; c++)
        {
            var cycle = snapshot.Cycles[c];
            size += SnapshotWriter.SizeOf(cycle.CycleId) + SnapshotWriter.SizeOf(cycle.Title) + 8 + 1 + 4 + manifests[c].Length + 1;
            if (cycle.Closing is { } closing)
            {
                size += SnapshotWriter.SizeOf(closing.StreamId) + 8 + SnapshotWriter.HashSize;
            }
            size += 4 + (long)cycle.Enrolled.Count * SnapshotWriter.HashSize + 4;
            foreach (var ballot in cycle.Ballots)
            {
                size += 3 * SnapshotWriter.HashSize + 8 + 4;
                foreach (var entry in ballot.Ballot)
                {
                    size += SnapshotWriter.SizeOf(entry.ProjectId) + 16;
                }
            }
        }
        return size <= Array.MaxLength ? (int)size : throw new InvalidOperationException($"A snapshot of {size} bytes is too large for one array.");
    }

    public static NeighbourhoodSnapshot Read(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream);
        if (bytes.IsEmpty || reader.ReadByte() != Version)
        {
            throw new InvalidDataException("The snapshot is in an older or unknown format.");
        }
        var cycles = ImmutableArray.CreateBuilder<CycleSnapshot>(ReadCount(reader));
        for (int c = cycles.Capacity; c > 0; c--)
        {
            string cycleId = reader.ReadString(), title = reader.ReadString();
            long budget = reader.ReadInt64();
            var phase = (CyclePhase)reader.ReadByte();
            var manifestBytes = ReadBlob(reader);
            var manifest = manifestBytes.Length == 0 ? null
                : JsonSerializer.Deserialize(manifestBytes, NeighbourhoodJsonContext.Default.VotingManifest);
            BallotReceipt? closing = reader.ReadBoolean() ? new BallotReceipt(reader.ReadString(), reader.ReadInt64(), ReadHex(reader)) : null;
            var enrolled = new AppendOnlyList<BallotDigest>();
            for (int i = ReadCount(reader); i > 0; i--)
            {
                enrolled.Add(ReadDigest(reader));
            }
            var ballots = new AppendOnlyList<StoredBallot>();
            for (int i = ReadCount(reader); i > 0; i--)
            {
                BallotDigest slot = ReadDigest(reader), request = ReadDigest(reader);
                long position = reader.ReadInt64();
                var hash = ReadDigest(reader);
                var entries = ImmutableArray.CreateBuilder<BallotEntry>(ReadCount(reader));
                for (int e = entries.Capacity; e > 0; e--)
                {
                    entries.Add(new BallotEntry(reader.ReadString(), reader.ReadDecimal()));
                }
                ballots.Add(new StoredBallot(slot, request, position, hash, entries.MoveToImmutable()));
            }
            cycles.Add(new CycleSnapshot(cycleId, title, budget, phase, manifest, closing, enrolled.Take(), ballots.Take()));
        }
        return new NeighbourhoodSnapshot(cycles.MoveToImmutable());
    }

    private static int ReadCount(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        return count >= 0 ? count : throw new InvalidDataException($"The snapshot says it holds {count} items.");
    }

    private static byte[] ReadBlob(BinaryReader reader) => reader.ReadBytes(reader.ReadInt32());

    // The closing receipt's hash is kept as hex, like every receipt.
    private static string ReadHex(BinaryReader reader) => ReadDigest(reader).ToString();

    private static BallotDigest ReadDigest(BinaryReader reader)
    {
        Span<byte> bytes = stackalloc byte[BallotDigest.Length];
        return reader.Read(bytes) == bytes.Length ? BallotDigest.FromBytes(bytes) : throw new EndOfStreamException("The snapshot ends inside a ballot.");
    }
}
