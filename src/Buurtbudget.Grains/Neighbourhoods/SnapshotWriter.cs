using System.Buffers.Binary;
using System.Text;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// Writes into a span exactly as <see cref="BinaryWriter"/> would (little-endian numbers, strings as UTF-8 after a
/// 7-bit encoded length), without a stream that grows and copies.
/// </summary>
internal ref struct SnapshotWriter(Span<byte> buffer)
{
    public const int HashSize = 32;
    private readonly Span<byte> _buffer = buffer;
    private int _at;

    public readonly bool IsFull => _at == _buffer.Length;

    public static int SizeOf(string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        int prefix = 1;
        for (uint rest = (uint)length >> 7; rest != 0; rest >>= 7)
        {
            prefix++;
        }
        return prefix + length;
    }

    public void Byte(byte value) => _buffer[_at++] = value;

    public void Int32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer[_at..], value);
        _at += 4;
    }

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer[_at..], value);
        _at += 8;
    }

    /// <summary>The 16 bytes of <see cref="decimal.GetBits(decimal)"/>: low, middle, high, flags.</summary>
    public void Decimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        foreach (var part in bits)
        {
            Int32(part);
        }
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[_at..]);
        _at += bytes.Length;
    }

    public void String(string text)
    {
        uint length = (uint)Encoding.UTF8.GetByteCount(text);
        while (length >= 0x80)
        {
            Byte((byte)(length | 0x80));
            length >>= 7;
        }
        Byte((byte)length);
        _at += Encoding.UTF8.GetBytes(text, _buffer[_at..]);
    }

    public void Digest(BallotDigest digest)
    {
        digest.CopyTo(_buffer.Slice(_at, HashSize));
        _at += HashSize;
    }

    /// <summary>A 32-byte value kept as hex in memory, written as its bytes.</summary>
    public void Hex(string hex)
    {
        if (hex.Length != 2 * HashSize || Convert.FromHexString(hex, _buffer.Slice(_at, HashSize), out _, out _) != System.Buffers.OperationStatus.Done)
        {
            throw new FormatException($"'{hex}' is not a {HashSize}-byte hex value.");
        }
        _at += HashSize;
    }
}
