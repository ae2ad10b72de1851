namespace Buurtbudget.Ledger;

/// <summary>Where a stream ends: its last version (0 for an empty stream) and that entry's hash.</summary>
public readonly record struct StreamHead(long Version, EntryHash Hash)
{
    public static StreamHead Empty { get; } = new(0, EntryHash.Genesis);
}
