using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Journal;

/// <summary>
/// The codec of every grain whose state fits one JSON snapshot: events stored under their type names
/// (<see cref="JsonEventKinds{TEvent}"/>), and the state as a <typeparamref name="TSnapshot"/> that
/// <paramref name="capture"/> takes during the turn from immutable parts (cheap) and that is encoded later, off the
/// turn. <paramref name="restore"/> rebuilds the state from it on activation.
/// </summary>
public sealed class JsonJournalCodec<TState, TEvent, TSnapshot>(
    JsonEventKinds<TEvent> kinds, JsonTypeInfo<TSnapshot> snapshot, Func<TState, TSnapshot> capture, Func<TSnapshot, TState> restore)
    : IJournalCodec<TState, TEvent>
    where TEvent : class
{
    public NewEntry Encode(TEvent change) => kinds.Encode(change);

    public TEvent Decode(LedgerEntry entry) => kinds.Decode(entry);

    public Func<byte[]> CaptureState(TState state)
    {
        var taken = capture(state);
        return () => JsonSerializer.SerializeToUtf8Bytes(taken, snapshot);
    }

    public TState DecodeState(ReadOnlySpan<byte> bytes) =>
        restore(JsonSerializer.Deserialize(bytes, snapshot) ?? throw new InvalidDataException($"Empty {typeof(TSnapshot).Name} snapshot."));
}
