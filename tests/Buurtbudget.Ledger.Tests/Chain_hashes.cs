using System.Security.Cryptography;

namespace Buurtbudget.Ledger.Tests;

/// <summary>
/// An entry's hash is SHA-256 over its canonical bytes as docs/architecture.md lays them out; the ledger hashes
/// without keeping those bytes, on the stack for a ballot and in a pooled buffer for a big entry.
/// </summary>
public sealed class Chain_hashes
{
    // Computed outside .NET (Python's hashlib over the documented layout), so a wrong layout cannot agree with itself.
    [Theory]
    [InlineData("neighbourhood/oost", 1L, "BallotCast", "{}", 0, "c3e6b034befd50f886bbc23387a74f7b0466abdb291ac6c934ea4ed11f404e8a")]
    [InlineData("buurt/zuid-é", 7L, "Kind", null, 1, "c2a9d44823a2fea2c5d0e2e677df0242e22a41655129928dde2a6a75c75aec69")]
    public void An_entry_hash_is_sha256_of_the_documented_canonical_bytes(string stream, long version, string kind, string? payload, int previous, string expected)
    {
        // The second payload is 2,048 bytes, more than the stack buffer holds; its previous hash is the bytes 0..31.
        var bytes = payload is null ? [.. Enumerable.Repeat(Enumerable.Range(0, 256).Select(i => (byte)i), 8).SelectMany(b => b)] : System.Text.Encoding.UTF8.GetBytes(payload);
        var previousHash = previous == 0 ? EntryHash.Genesis : EntryHash.FromBytes([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

        Assert.Equal(expected, ChainHash.Compute(stream, version, kind, bytes, previousHash).ToString());
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(ChainHash.CanonicalBytes(stream, version, kind, bytes, previousHash))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(900)]
    [InlineData(1_024)]
    [InlineData(100_000)]
    public void Hashing_without_keeping_the_bytes_gives_the_hash_of_the_bytes(int payloadLength)
    {
        var payload = TestBytes.Random(payloadLength);
        var previous = EntryHash.Of("previous"u8);

        Assert.Equal(EntryHash.Of(ChainHash.CanonicalBytes("neighbourhood/noord", 42, "BallotCast", payload, previous)),
            ChainHash.Compute("neighbourhood/noord", 42, "BallotCast", payload, previous));
    }
}
