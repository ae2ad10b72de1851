using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Proposals;

[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProposalSubmitted))]
[JsonSerializable(typeof(ProposalRevised))]
[JsonSerializable(typeof(ProposalWithdrawn))]
[JsonSerializable(typeof(ProposalView))]
internal sealed partial class ProposalJsonContext : JsonSerializerContext;

/// <summary>Proposal events as ledger entries: kind = event name, payload = JSON in declaration order.</summary>
internal sealed class ProposalJson : IJournalCodec<ProposalState, ProposalEvent>
{
    public static ProposalJson Instance { get; } = new();

    public NewEntry Encode(ProposalEvent change) => change switch
    {
        ProposalSubmitted e => new(nameof(ProposalSubmitted), JsonSerializer.SerializeToUtf8Bytes(e, ProposalJsonContext.Default.ProposalSubmitted)),
        ProposalRevised e => new(nameof(ProposalRevised), JsonSerializer.SerializeToUtf8Bytes(e, ProposalJsonContext.Default.ProposalRevised)),
        ProposalWithdrawn e => new(nameof(ProposalWithdrawn), JsonSerializer.SerializeToUtf8Bytes(e, ProposalJsonContext.Default.ProposalWithdrawn)),
        _ => throw new ArgumentException($"Unknown proposal event {change.GetType().Name}.", nameof(change)),
    };

    public ProposalEvent Decode(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = entry.Payload.Span;
        ProposalEvent? decoded = entry.Kind switch
        {
            nameof(ProposalSubmitted) => JsonSerializer.Deserialize(json, ProposalJsonContext.Default.ProposalSubmitted),
            nameof(ProposalRevised) => JsonSerializer.Deserialize(json, ProposalJsonContext.Default.ProposalRevised),
            nameof(ProposalWithdrawn) => JsonSerializer.Deserialize(json, ProposalJsonContext.Default.ProposalWithdrawn),
            _ => throw new InvalidDataException($"Entry {entry.Version} of {entry.StreamId} has unknown kind '{entry.Kind}'."),
        };
        return decoded ?? throw new InvalidDataException($"Entry {entry.Version} of {entry.StreamId} has an empty payload.");
    }

    public Func<byte[]> CaptureState(ProposalState state)
    {
        var view = state.View;
        return () => view is null ? [] : JsonSerializer.SerializeToUtf8Bytes(view, ProposalJsonContext.Default.ProposalView);
    }

    public ProposalState DecodeState(ReadOnlySpan<byte> bytes) =>
        new() { View = bytes.IsEmpty ? null : JsonSerializer.Deserialize(bytes, ProposalJsonContext.Default.ProposalView) };
}
