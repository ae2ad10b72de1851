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

    public static byte[] Write(NeighbourhoodSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Version);
            writer.Write(snapshot.Cycles.Length);
            foreach (var cycle in snapshot.Cycles)
            {
                writer.Write(cycle.CycleId);
                writer.Write(cycle.Title);
                writer.Write(cycle.BudgetCents);
                writer.Write((byte)cycle.Phase);
                WriteBlob(writer, cycle.Manifest is null ? [] : NeighbourhoodJson.Encode(cycle.Manifest));
                writer.Write(cycle.Closing is not null);
                if (cycle.Closing is { } closing)
                {
                    writer.Write(closing.StreamId);
                    writer.Write(closing.Position);
                    WriteHex(writer, closing.EntryHash);
                }
                writer.Write(cycle.Enrolled.Length);
                foreach (var slot in cycle.Enrolled)
                {
                    WriteHex(writer, slot);
                }
                writer.Write(cycle.Ballots.Length);
                foreach (var ballot in cycle.Ballots)
                {
                    WriteHex(writer, ballot.Slot);
                    WriteHex(writer, ballot.Request);
                    writer.Write(ballot.Position);
                    WriteHex(writer, ballot.EntryHash);
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

    public static NeighbourhoodSnapshot Read(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream);
        if (bytes.IsEmpty || reader.ReadByte() != Version)
        {
            throw new InvalidDataException("The snapshot is in an older or unknown format.");
        }
        var cycles = ImmutableArray.CreateBuilder<CycleSnapshot>(reader.ReadInt32());
        for (int c = cycles.Capacity; c > 0; c--)
        {
            string cycleId = reader.ReadString(), title = reader.ReadString();
            long budget = reader.ReadInt64();
            var phase = (CyclePhase)reader.ReadByte();
            var manifestBytes = ReadBlob(reader);
            var manifest = manifestBytes.Length == 0 ? null
                : JsonSerializer.Deserialize(manifestBytes, NeighbourhoodJsonContext.Default.VotingManifest);
            BallotReceipt? closing = reader.ReadBoolean() ? new BallotReceipt(reader.ReadString(), reader.ReadInt64(), ReadHex(reader)) : null;
            var enrolled = ImmutableArray.CreateBuilder<string>(reader.ReadInt32());
            for (int i = enrolled.Capacity; i > 0; i--)
            {
                enrolled.Add(ReadHex(reader));
            }
            var ballots = ImmutableArray.CreateBuilder<StoredBallot>(reader.ReadInt32());
            for (int i = ballots.Capacity; i > 0; i--)
            {
                string slot = ReadHex(reader), request = ReadHex(reader);
                long position = reader.ReadInt64();
                string hash = ReadHex(reader);
                var entries = ImmutableArray.CreateBuilder<BallotEntry>(reader.ReadInt32());
                for (int e = entries.Capacity; e > 0; e--)
                {
                    entries.Add(new BallotEntry(reader.ReadString(), reader.ReadDecimal()));
                }
                ballots.Add(new StoredBallot(slot, request, position, hash, entries.MoveToImmutable()));
            }
            cycles.Add(new CycleSnapshot(cycleId, title, budget, phase, manifest, closing, enrolled.MoveToImmutable(), ballots.MoveToImmutable()));
        }
        return new NeighbourhoodSnapshot(cycles.MoveToImmutable());
    }

    private static void WriteBlob(BinaryWriter writer, byte[] blob)
    {
        writer.Write(blob.Length);
        writer.Write(blob);
    }

    private static byte[] ReadBlob(BinaryReader reader) => reader.ReadBytes(reader.ReadInt32());

    // Slots, digests and hashes are 32-byte values kept as lower-case hex in memory.
    private static void WriteHex(BinaryWriter writer, string hex) => writer.Write(Convert.FromHexString(hex));

    private static string ReadHex(BinaryReader reader) => Convert.ToHexStringLower(reader.ReadBytes(32));
}
