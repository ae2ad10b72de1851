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

    public string SlotOf(string neighbourhoodId, string cycleId, string voterKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encode("slot", neighbourhoodId, cycleId, voterKey)));

    /// <summary>The idempotency key as stored: bound to the slot, so two voters' keys can never collide.</summary>
    public static string RequestOf(string slot, string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encode("request", slot, idempotencyKey)));

    // Length-prefixed fields, so ("ab", "c") and ("a", "bc") never produce the same bytes.
    private static byte[] Encode(params string[] fields)
    {
        using var stream = new MemoryStream();
        foreach (var field in fields)
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            stream.Write(BitConverter.GetBytes(bytes.Length));
            stream.Write(bytes);
        }
        return stream.ToArray();
    }
}
