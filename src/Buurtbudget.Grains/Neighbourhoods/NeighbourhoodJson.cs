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

    public NewEntry Encode(NeighbourhoodEvent change) => change switch
    {
        BudgetCycleCreated e => new(nameof(BudgetCycleCreated), JsonSerializer.SerializeToUtf8Bytes(e, NeighbourhoodJsonContext.Default.BudgetCycleCreated)),
        VotingOpened e => new(nameof(VotingOpened), JsonSerializer.SerializeToUtf8Bytes(e, NeighbourhoodJsonContext.Default.VotingOpened)),
        VotersEnrolled e => new(nameof(VotersEnrolled), JsonSerializer.SerializeToUtf8Bytes(e, NeighbourhoodJsonContext.Default.VotersEnrolled)),
        BallotCast e => new(nameof(BallotCast), JsonSerializer.SerializeToUtf8Bytes(e, NeighbourhoodJsonContext.Default.BallotCast)),
        VotingClosed e => new(nameof(VotingClosed), JsonSerializer.SerializeToUtf8Bytes(e, NeighbourhoodJsonContext.Default.VotingClosed)),
        _ => throw new ArgumentException($"Unknown neighbourhood event {change.GetType().Name}.", nameof(change)),
    };

    public NeighbourhoodEvent Decode(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = entry.Payload.Span;
        NeighbourhoodEvent? decoded = entry.Kind switch
        {
            nameof(BudgetCycleCreated) => JsonSerializer.Deserialize(json, NeighbourhoodJsonContext.Default.BudgetCycleCreated),
            nameof(VotingOpened) => JsonSerializer.Deserialize(json, NeighbourhoodJsonContext.Default.VotingOpened),
            nameof(VotersEnrolled) => JsonSerializer.Deserialize(json, NeighbourhoodJsonContext.Default.VotersEnrolled),
            nameof(BallotCast) => JsonSerializer.Deserialize(json, NeighbourhoodJsonContext.Default.BallotCast),
            nameof(VotingClosed) => JsonSerializer.Deserialize(json, NeighbourhoodJsonContext.Default.VotingClosed),
            _ => throw new InvalidDataException($"Entry {entry.Version} of {entry.StreamId} has unknown kind '{entry.Kind}'."),
        };
        return decoded ?? throw new InvalidDataException($"Entry {entry.Version} of {entry.StreamId} has an empty payload.");
    }

    public Func<byte[]> CaptureState(NeighbourhoodState state)
    {
        var snapshot = state.ToSnapshot();
        return () => NeighbourhoodSnapshotFormat.Write(snapshot);
    }

    public NeighbourhoodState DecodeState(ReadOnlySpan<byte> bytes) => NeighbourhoodState.FromSnapshot(NeighbourhoodSnapshotFormat.Read(bytes));
}
