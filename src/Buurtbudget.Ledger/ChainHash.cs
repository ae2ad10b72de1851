using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Buurtbudget.Ledger;

/// <summary>
/// The one definition of an entry's canonical bytes and hash, shared by the stores that write entries, the grains
/// that chain pipelined appends and the verifier that recomputes everything from raw rows.
/// </summary>
/// <remarks>
/// Layout (version 1): the ASCII tag <c>buurtbudget/ledger/v1</c>, then stream id, version (int64 big-endian),
/// kind and payload, each variable-length field prefixed by its length (int32 big-endian), then the 32-byte
/// previous hash. Length prefixes make the encoding unambiguous: no two different entries share bytes.
/// </remarks>
public static class ChainHash
{
    private static readonly byte[] Tag = "buurtbudget/ledger/v1"u8.ToArray();

    public static byte[] CanonicalBytes(string streamId, long version, string kind, ReadOnlySpan<byte> payload, EntryHash previous)
    {
        var bytes = new byte[CanonicalLength(streamId, kind, payload)];
        WriteCanonical(bytes, streamId, version, kind, payload, previous);
        return bytes;
    }

    /// <summary>Hashes the canonical bytes without keeping them: every ballot is hashed once, and its canonical bytes
    /// were a twentieth of all the memory the ballot path allocated (docs/performance.md, session 10).</summary>
    public static EntryHash Compute(string streamId, long version, string kind, ReadOnlySpan<byte> payload, EntryHash previous)
    {
        const int OnTheStack = 1024;
        int length = CanonicalLength(streamId, kind, payload);
        byte[]? rented = length > OnTheStack ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var bytes = (rented ?? stackalloc byte[OnTheStack])[..length];
            WriteCanonical(bytes, streamId, version, kind, payload, previous);
            return EntryHash.Of(bytes);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int CanonicalLength(string streamId, string kind, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(kind);
        return Tag.Length + 4 + Encoding.UTF8.GetByteCount(streamId) + 8 + 4 + Encoding.UTF8.GetByteCount(kind) + 4 + payload.Length + EntryHash.Length;
    }

    private static void WriteCanonical(Span<byte> span, string streamId, long version, string kind, ReadOnlySpan<byte> payload, EntryHash previous)
    {
        // The span is exactly CanonicalLength long, which counted the strings' bytes; the lengths come from writing them.
        Tag.CopyTo(span);
        span = span[Tag.Length..];
        int streamLength = Encoding.UTF8.GetBytes(streamId, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, streamLength);
        span = span[(4 + streamLength)..];
        BinaryPrimitives.WriteInt64BigEndian(span, version);
        span = span[8..];
        int kindLength = Encoding.UTF8.GetBytes(kind, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, kindLength);
        span = span[(4 + kindLength)..];
        BinaryPrimitives.WriteInt32BigEndian(span, payload.Length);
        payload.CopyTo(span[4..]);
        span = span[(4 + payload.Length)..];
        previous.Bytes.CopyTo(span);
    }

    /// <summary>The entries <paramref name="entries"/> become when appended after <paramref name="head"/>.</summary>
    public static IReadOnlyList<LedgerEntry> Chain(string streamId, StreamHead head, IReadOnlyList<NewEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var chained = new LedgerEntry[entries.Count];
        var previous = head;
        for (int i = 0; i < entries.Count; i++)
        {
            long version = previous.Version + 1;
            var hash = Compute(streamId, version, entries[i].Kind, entries[i].Payload.Span, previous.Hash);
            chained[i] = new LedgerEntry(streamId, version, entries[i].Kind, entries[i].Payload, previous.Hash, hash);
            previous = chained[i].Head;
        }
        return chained;
    }
}
