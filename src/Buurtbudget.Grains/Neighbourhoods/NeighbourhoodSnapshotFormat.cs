using Buurtbudget.Domain.Cycles;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
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
        var reader = new SnapshotReader(bytes);
        if (bytes.IsEmpty || reader.Byte() != Version)
        {
            throw new InvalidDataException("The snapshot is in an older or unknown format.");
        }
        var lines = new BallotLines();
        var cycles = ImmutableArray.CreateBuilder<CycleSnapshot>(reader.Count());
        for (int c = cycles.Capacity; c > 0; c--)
        {
            string cycleId = reader.String(), title = reader.String();
            long budget = reader.Int64();
            var phase = (CyclePhase)reader.Byte();
            var manifestBytes = reader.Bytes(reader.Int32());
            var manifest = manifestBytes.IsEmpty ? null
                : JsonSerializer.Deserialize(manifestBytes, NeighbourhoodJsonContext.Default.VotingManifest);
            // The closing receipt's hash is kept as hex, like every receipt.
            BallotReceipt? closing = reader.Boolean() ? new BallotReceipt(reader.String(), reader.Int64(), reader.Digest().ToString()) : null;
            var enrolled = new AppendOnlyList<BallotDigest>();
            for (int i = reader.Count(); i > 0; i--)
            {
                enrolled.Add(reader.Digest());
            }
            var ballots = new AppendOnlyList<StoredBallot>();
            for (int i = reader.Count(); i > 0; i--)
            {
                BallotDigest slot = reader.Digest(), request = reader.Digest();
                long position = reader.Int64();
                var hash = reader.Digest();
                var entries = new BallotEntry[reader.Count()];
                for (int e = 0; e < entries.Length; e++)
                {
                    var project = reader.Utf8();
                    entries[e] = lines.Get(project, reader.Decimal());
                }
                ballots.Add(new StoredBallot(slot, request, position, hash, ImmutableCollectionsMarshal.AsImmutableArray(entries)));
            }
            cycles.Add(new CycleSnapshot(cycleId, title, budget, phase, manifest, closing, enrolled.Take(), ballots.Take()));
        }
        return reader.AtEnd ? new NeighbourhoodSnapshot(cycles.MoveToImmutable()) : throw new InvalidDataException("The snapshot goes on after its last cycle.");
    }

    /// <summary>
    /// One instance per ballot line (project and value) while a snapshot is read: a box of 100,000 ballots repeats a
    /// few dozen lines, and the box keeps one of each anyway (<see cref="BudgetCycleState.Canonical"/>).
    /// </summary>
    private sealed class BallotLines
    {
        private readonly Dictionary<string, string> _projects = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, decimal), BallotEntry> _lines = [];

        public BallotEntry Get(ReadOnlySpan<byte> project, decimal value)
        {
            var id = ProjectId(project);
            if (!_lines.TryGetValue((id, value), out var line))
            {
                _lines.Add((id, value), line = new BallotEntry(id, value));
            }
            return line;
        }

        private string ProjectId(ReadOnlySpan<byte> utf8)
        {
            const int longest = 256;
            if (utf8.Length > longest)
            {
                return Encoding.UTF8.GetString(utf8);
            }
            Span<char> chars = stackalloc char[longest];
            chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
            var byChars = _projects.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!byChars.TryGetValue(chars, out var id))
            {
                id = new string(chars);
                _projects.Add(id, id);
            }
            return id;
        }
    }
}
