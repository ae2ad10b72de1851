using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// Turns a voter into a ballot slot without writing the voter down: the slot is HMAC-SHA256 of the neighbourhood,
/// cycle and voter key under a server secret. The same voter always gets the same slot (so a new ballot replaces
/// the old one), but nobody can tell whose slot it is without the secret. See docs/threat-model.md for who holds it.
/// </summary>
public sealed class BallotSecrecy
{
    private readonly byte[] _key;

    public BallotSecrecy(ReadOnlySpan<byte> key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The ballot secret must be at least 32 random bytes.", nameof(key));
        }
        _key = key.ToArray();
    }

    public static BallotSecrecy CreateRandom() => new(RandomNumberGenerator.GetBytes(32));

    public string SlotOf(string neighbourhoodId, string cycleId, string voterKey) => Slot(neighbourhoodId, cycleId, voterKey).ToString();

    /// <summary>The voter's slot as the ballot box keeps it.</summary>
    public BallotDigest Slot(string neighbourhoodId, string cycleId, string voterKey)
    {
        Span<byte> slot = stackalloc byte[BallotDigest.Length];
        HMACSHA256.HashData(_key, Encode("slot", neighbourhoodId, cycleId, voterKey), slot);
        return BallotDigest.FromBytes(slot);
    }

    /// <summary>The idempotency key as stored: bound to the slot, so two voters' keys can never collide.</summary>
    public static string RequestOf(string slot, string idempotencyKey) => Request(slot, idempotencyKey).ToString();

    /// <summary>The request digest as the ballot box keeps it; <paramref name="slot"/> in its hex form.</summary>
    public static BallotDigest Request(string slot, string idempotencyKey)
    {
        Span<byte> request = stackalloc byte[BallotDigest.Length];
        SHA256.HashData(Encode("request", slot, idempotencyKey), request);
        return BallotDigest.FromBytes(request);
    }

    // Length-prefixed fields, so ("ab", "c") and ("a", "bc") never produce the same bytes.
    private static byte[] Encode(params ReadOnlySpan<string> fields)
    {
        int length = 0;
        foreach (var field in fields)
        {
            length += sizeof(int) + Encoding.UTF8.GetByteCount(field);
        }
        var bytes = new byte[length];
        int at = 0;
        foreach (var field in fields)
        {
            int size = Encoding.UTF8.GetBytes(field, bytes.AsSpan(at + sizeof(int)));
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), size);
            at += sizeof(int) + size;
        }
        return bytes;
    }
}
