using System.Security.Cryptography;

namespace Buurtbudget.Ledger;

/// <summary>A SHA-256 digest that identifies one ledger entry and, through the chain, everything before it.</summary>
public readonly record struct EntryHash
{
    public const int Length = 32;

    private readonly byte[]? _bytes;

    private EntryHash(byte[] bytes) => _bytes = bytes;

    /// <summary>The "previous hash" of the first entry of every stream.</summary>
    public static EntryHash Genesis { get; } = new(new byte[Length]);

    public ReadOnlySpan<byte> Bytes => _bytes ?? Genesis._bytes;

    public static EntryHash FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An entry hash is {Length} bytes, not {bytes.Length}.", nameof(bytes));
        }
        return new EntryHash(bytes.ToArray());
    }

    public static EntryHash Of(ReadOnlySpan<byte> canonicalBytes) => new(SHA256.HashData(canonicalBytes));

    /// <summary>Lower-case hexadecimal, the form printed on receipts and by <c>buurtbudget verify</c>.</summary>
    public override string ToString() => Convert.ToHexStringLower(Bytes);

    public static EntryHash Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != Length * 2)
        {
            throw new FormatException($"An entry hash is {Length * 2} hexadecimal characters; got {hex.Length}.");
        }
        return new EntryHash(Convert.FromHexString(hex));
    }

    public static bool TryParse(string? hex, out EntryHash hash)
    {
        hash = default;
        if (hex is null || hex.Length != Length * 2)
        {
            return false;
        }
        try
        {
            hash = new EntryHash(Convert.FromHexString(hex));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public bool Equals(EntryHash other) => Bytes.SequenceEqual(other.Bytes);

    public override int GetHashCode() => BitConverter.ToInt32(Bytes);
}
