using System.Buffers.Binary;
using System.Text;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// Reads what <see cref="SnapshotWriter"/> wrote (and so what <see cref="BinaryWriter"/> wrote), straight from the
/// stored bytes: <see cref="BinaryReader"/> needed a stream over a copy of a snapshot of tens of megabytes, and
/// allocated a new string for every line of every ballot. Anything that runs past the end, or cannot be what the
/// writer wrote, throws <see cref="EndOfStreamException"/> or <see cref="InvalidDataException"/>, which make
/// activation ignore the snapshot and replay the ledger.
/// </summary>
internal ref struct SnapshotReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public readonly bool AtEnd => _at == _bytes.Length;

    public byte Byte() => Take(1)[0];

    public bool Boolean() => Byte() != 0;

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>A count of items that follow, which cannot be negative.</summary>
    public int Count()
    {
        int count = Int32();
        return count >= 0 ? count : throw new InvalidDataException($"The snapshot says it holds {count} items.");
    }

    public decimal Decimal()
    {
        var raw = Take(16);
        Span<int> bits = [
            BinaryPrimitives.ReadInt32LittleEndian(raw),
            BinaryPrimitives.ReadInt32LittleEndian(raw[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(raw[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(raw[12..]),
        ];
        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException("The snapshot holds an amount that is not a decimal.", exception);
        }
    }

    public ReadOnlySpan<byte> Bytes(int length) =>
        length >= 0 ? Take(length) : throw new InvalidDataException($"The snapshot says a value is {length} bytes long.");

    /// <summary>A string's UTF-8 bytes, after their 7-bit encoded length (as <see cref="BinaryWriter"/> writes it).</summary>
    public ReadOnlySpan<byte> Utf8()
    {
        int length = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (shift > 28)
            {
                throw new InvalidDataException("The snapshot holds a string whose length is not a number.");
            }
            byte part = Byte();
            length |= (part & 0x7F) << shift;
            if (part < 0x80)
            {
                break;
            }
        }
        return Bytes(length);
    }

    public string String() => Encoding.UTF8.GetString(Utf8());

    public BallotDigest Digest() => BallotDigest.FromBytes(Take(BallotDigest.Length));

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > _bytes.Length - _at)
        {
            throw new EndOfStreamException("The snapshot ends early.");
        }
        var taken = _bytes.Slice(_at, length);
        _at += length;
        return taken;
    }
}
