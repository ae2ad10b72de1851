using System.Text;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>
/// Events carry slots and request digests as values, but their JSON is what ledgers already hold: the same payload
/// bytes (so the same entry hashes) and the same reading of entries written before.
/// </summary>
public sealed class Ballot_events
{
    private const string Slot = "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";
    private const string Request = "ffeeddccbbaa99887766554433221100f0e1d2c3b4a5968778695a4b3c2d1e0f";

    // The payload as the encoder wrote it when slots and digests were hex strings in the event.
    private const string BallotCastJson =
        """{"slot":"0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0","request":"ffeeddccbbaa99887766554433221100f0e1d2c3b4a5968778695a4b3c2d1e0f","ballot":[{"value":1,"projectId":"bankjes"},{"value":1,"projectId":"bomen"}],"cycleId":"2026"}""";

    private const string VotersEnrolledJson =
        """{"slots":["0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0","ffeeddccbbaa99887766554433221100f0e1d2c3b4a5968778695a4b3c2d1e0f"],"cycleId":"2026"}""";

    [Fact]
    public void A_ballot_is_written_as_the_ledger_has_always_held_it()
    {
        var cast = new BallotCast("2026", BallotDigest.Parse(Slot), BallotDigest.Parse(Request), CastBallot.OfMarks("bankjes", "bomen").Entries);
        var enrolled = new VotersEnrolled("2026", [BallotDigest.Parse(Slot), BallotDigest.Parse(Request)]);

        Assert.Equal(BallotCastJson, Encoding.UTF8.GetString(NeighbourhoodJson.Instance.Encode(cast).Payload.Span));
        Assert.Equal(VotersEnrolledJson, Encoding.UTF8.GetString(NeighbourhoodJson.Instance.Encode(enrolled).Payload.Span));
    }

    [Fact]
    public void Entries_written_before_read_into_the_same_values()
    {
        var cast = Assert.IsType<BallotCast>(Decode("BallotCast", BallotCastJson));
        var enrolled = Assert.IsType<VotersEnrolled>(Decode("VotersEnrolled", VotersEnrolledJson));

        Assert.Equal((Slot, Request), (cast.Slot.ToString(), cast.Request.ToString()));
        Assert.Equal([Slot, Request], enrolled.Slots.Select(s => s.ToString()));
    }

    [Fact]
    public void A_payload_with_a_broken_digest_is_refused_as_unreadable_json()
    {
        var broken = BallotCastJson.Replace(Slot, Slot[..40], StringComparison.Ordinal);

        Assert.Throws<System.Text.Json.JsonException>(() => Decode("BallotCast", broken));
    }

    private static NeighbourhoodEvent Decode(string kind, string json)
    {
        var payload = Encoding.UTF8.GetBytes(json);
        var entry = new LedgerEntry("neighbourhood/oost", 1, kind, payload, EntryHash.Genesis, ChainHash.Compute("neighbourhood/oost", 1, kind, payload, EntryHash.Genesis));
        return NeighbourhoodJson.Instance.Decode(entry);
    }
}
