using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Neighbourhoods;
using Xunit.Abstractions;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>
/// The ballot box keeps slots, request digests and entry hashes as inline 32-byte values and shares repeated ballot
/// lines: what it holds per ballot is what the garbage collector moves on every collection (docs/performance.md).
/// </summary>
[Collection(HeapMeasurements.Name)]
public sealed class Ballots_in_memory(ITestOutputHelper output)
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void Slots_and_request_digests_keep_the_encoding_already_written_in_ledgers()
    {
        var secrecy = new BallotSecrecy(Key);

        string slot = secrecy.SlotOf("oost", "2026", "voter-code-ABCD-1234");

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Key, LengthPrefixed("slot", "oost", "2026", "voter-code-ABCD-1234"))), slot);
        Assert.Equal(slot, secrecy.Slot("oost", "2026", "voter-code-ABCD-1234").ToString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(LengthPrefixed("request", slot, "sleutel-ü"))), BallotSecrecy.RequestOf(slot, "sleutel-ü"));
        Assert.Equal(BallotSecrecy.RequestOf(slot, "sleutel-ü"), BallotSecrecy.Request(slot, "sleutel-ü").ToString());
    }

    [Fact]
    public void A_digest_reads_back_what_it_writes_and_refuses_anything_but_32_bytes_of_hex()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var digest = BallotDigest.FromBytes(bytes);

        Assert.Equal(Convert.ToHexStringLower(bytes), digest.ToString());
        Assert.Equal(digest, BallotDigest.Parse(Convert.ToHexString(bytes)));
        Assert.Equal(digest.GetHashCode(), BallotDigest.Parse(digest.ToString()).GetHashCode());
        bytes[31] ^= 1;
        Assert.NotEqual(digest, BallotDigest.FromBytes(bytes));
        Assert.Throws<FormatException>(() => BallotDigest.Parse(digest.ToString()[..62]));
        Assert.Throws<FormatException>(() => BallotDigest.Parse("zz" + digest.ToString()[2..]));
        Assert.Throws<ArgumentException>(() => BallotDigest.FromBytes(new byte[31]));
    }

    [Fact]
    public void Ballots_with_the_same_lines_share_them_and_unchanged_ballots_keep_their_array()
    {
        var box = OpenBox();
        var first = Record(box, 1, "bankjes", "moestuin");
        var second = Record(box, 2, "moestuin", "bomen");

        Assert.Same(first.Ballot[1], second.Ballot[0]);
        var alreadyShared = box.Canonical(second.Ballot);
        Assert.Equal(second.Ballot, alreadyShared); // ImmutableArray equality: the very same array
        Assert.Equal(2, box.Tally!.Turnout);
    }

    [Fact]
    public void A_ballot_in_the_box_holds_a_few_hundred_bytes_not_a_kilobyte()
    {
        const int ballots = 20_000;
        var box = OpenBox();
        Record(box, 0, "bankjes");
        long before = GC.GetTotalMemory(forceFullCollection: true);

        for (int i = 1; i <= ballots; i++)
        {
            Record(box, i, Votes.Projects[i % 5].Id, Votes.Projects[(i + 2) % 5].Id);
        }
        long perBallot = (GC.GetTotalMemory(forceFullCollection: true) - before) / ballots;
        GC.KeepAlive(box);

        output.WriteLine($"{perBallot} bytes per ballot");
        // Spare capacity of the list and the indexes included (412 bytes when written). With hex strings and a record
        // per ballot the same ballots took 826 bytes, in 7 objects each; now a ballot brings one: its array of lines.
        Assert.InRange(perBallot, 100, 600);
    }

    internal static BudgetCycleState OpenBox()
    {
        var opening = Votes.Opening();
        var box = new BudgetCycleState(Votes.Cycle, "Leefbaarheidsbudget 2026", 2_000_000);
        box.Open(new VotingManifest(2_000_000, opening.Projects, opening.Ballot, opening.Rule, opening.Revote, opening.Eligibility));
        return box;
    }

    // Fresh strings and lines for every ballot, as a request parsed from JSON brings them.
    internal static StoredBallot Record(BudgetCycleState box, int voter, params string[] projects)
    {
        var lines = CastBallot.OfMarks(projects.Select(p => new string(p.AsSpan()))).Entries;
        box.Record(new StoredBallot(Digest("slot", voter), Digest("request", voter), voter + 1, Digest("entry", voter), lines));
        return box.AllBallots[^1];
    }

    internal static BallotDigest Digest(string kind, int voter) =>
        BallotDigest.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}-{voter}")));

    private static byte[] LengthPrefixed(params string[] fields)
    {
        using var stream = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in fields)
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            stream.Write(length);
            stream.Write(bytes);
        }
        return stream.ToArray();
    }
}
