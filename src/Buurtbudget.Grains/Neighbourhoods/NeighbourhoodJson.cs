using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Neighbourhoods;

[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BudgetCycleCreated))]
[JsonSerializable(typeof(VotingOpened))]
[JsonSerializable(typeof(VotersEnrolled))]
[JsonSerializable(typeof(BallotCast))]
[JsonSerializable(typeof(VotingClosed))]
[JsonSerializable(typeof(VotingManifest))]
internal sealed partial class NeighbourhoodJsonContext : JsonSerializerContext;

/// <summary>
/// Neighbourhood events as ledger entries: the kind is the event's name, the payload its JSON. Source-generated
/// serialization writes properties in declaration order, so the same event always gives the same bytes.
/// </summary>
internal sealed class NeighbourhoodJson : IJournalCodec<NeighbourhoodState, NeighbourhoodEvent>
{
    public static NeighbourhoodJson Instance { get; } = new();

    public static byte[] Encode(VotingManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, NeighbourhoodJsonContext.Default.VotingManifest);

    private static readonly JsonEventKinds<NeighbourhoodEvent> Kinds = new JsonEventKinds<NeighbourhoodEvent>()
        .Add(NeighbourhoodJsonContext.Default.BudgetCycleCreated)
        .Add(NeighbourhoodJsonContext.Default.VotingOpened)
        .Add(NeighbourhoodJsonContext.Default.VotersEnrolled)
        .Add(NeighbourhoodJsonContext.Default.BallotCast)
        .Add(NeighbourhoodJsonContext.Default.VotingClosed);

    public NewEntry Encode(NeighbourhoodEvent change) => Kinds.Encode(change);

    public NeighbourhoodEvent Decode(LedgerEntry entry) => Kinds.Decode(entry);

    public Func<byte[]> CaptureState(NeighbourhoodState state)
    {
        var snapshot = state.ToSnapshot();
        return () => NeighbourhoodSnapshotFormat.Write(snapshot);
    }

    public NeighbourhoodState DecodeState(ReadOnlySpan<byte> bytes) => NeighbourhoodState.FromSnapshot(NeighbourhoodSnapshotFormat.Read(bytes));
}
