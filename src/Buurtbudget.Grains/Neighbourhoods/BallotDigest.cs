using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// A 32-byte value the ballot box keeps for every ballot (its slot, its request digest and its entry hash), held
/// inline rather than as a 64-character hex string. The box holds each ballot twice (tentative and confirmed);
/// with three strings and a record per ballot per copy, every ballot left ~1.2 KB and seven objects for the
/// garbage collector to move, and its pauses were the tail of the ballot latency (docs/performance.md).
/// </summary>
[JsonConverter(typeof(BallotDigestJsonConverter))]
public readonly struct BallotDigest : IEquatable<BallotDigest>
{
    public const int Length = 32;

    private readonly ulong _a, _b, _c, _d;

    private BallotDigest(ReadOnlySpan<byte> bytes)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        (_a, _b, _c, _d) = (words[0], words[1], words[2], words[3]);
    }

    public static BallotDigest FromBytes(ReadOnlySpan<byte> bytes) => bytes.Length == Length
        ? new BallotDigest(bytes)
        : throw new ArgumentException($"A ballot digest is {Length} bytes, not {bytes.Length}.", nameof(bytes));

    /// <summary>Reads the lower- or upper-case hex form that events and receipts carry.</summary>
    public static BallotDigest Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        Span<byte> bytes = stackalloc byte[Length];
        if (hex.Length != 2 * Length || Convert.FromHexString(hex, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            throw new FormatException($"A ballot digest is {2 * Length} hexadecimal characters; got '{hex}'.");
        }
        return new BallotDigest(bytes);
    }

    public void CopyTo(Span<byte> destination)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(destination[..Length]);
        (words[0], words[1], words[2], words[3]) = (_a, _b, _c, _d);
    }

    /// <summary>Lower-case hex, as in events, receipts and the published ballot list.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public bool Equals(BallotDigest other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    public override bool Equals(object? obj) => obj is BallotDigest other && Equals(other);

    // Seeded per process, so idempotency keys chosen to collide in the dictionaries' buckets cannot slow a ballot box.
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    public static bool operator ==(BallotDigest left, BallotDigest right) => left.Equals(right);

    public static bool operator !=(BallotDigest left, BallotDigest right) => !left.Equals(right);
}
