using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Journal;

/// <summary>
/// The table a JSON codec needs: each event type stored under its type name as the entry kind, with the
/// source-generated serializer for it. Codecs declare their events once here instead of in two parallel switches
/// (one to encode, one to decode) that could drift apart.
/// </summary>
public sealed class JsonEventKinds<TEvent> where TEvent : class
{
    private readonly Dictionary<Type, (string Kind, JsonTypeInfo Info)> _byType = [];
    private readonly Dictionary<string, JsonTypeInfo> _byKind = new(StringComparer.Ordinal);

    public JsonEventKinds<TEvent> Add<T>(JsonTypeInfo<T> info) where T : TEvent
    {
        ArgumentNullException.ThrowIfNull(info);
        _byType.Add(typeof(T), (typeof(T).Name, info));
        _byKind.Add(typeof(T).Name, info);
        return this;
    }

    public NewEntry Encode(TEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _byType.TryGetValue(change.GetType(), out var known)
            ? new NewEntry(known.Kind, JsonSerializer.SerializeToUtf8Bytes(change, known.Info))
            : throw new ArgumentException($"Unknown event {change.GetType().Name}.", nameof(change));
    }

    public TEvent Decode(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_byKind.TryGetValue(entry.Kind, out var info))
        {
            throw new InvalidDataException($"Entry {entry.Version} of {entry.StreamId} has unknown kind '{entry.Kind}'.");
        }
        return JsonSerializer.Deserialize(entry.Payload.Span, info) as TEvent
            ?? throw new InvalidDataException($"Entry {entry.Version} of {entry.StreamId} has an empty payload.");
    }
}
