namespace Buurtbudget.Ledger.Tests.Contract;

/// <summary>Entries are equal when every field is, payload bytes included (records compare memory by reference).</summary>
internal sealed class EntryComparer : IEqualityComparer<LedgerEntry>
{
    public static readonly EntryComparer Instance = new();

    public bool Equals(LedgerEntry? x, LedgerEntry? y) =>
        x is not null && y is not null
        && x.StreamId == y.StreamId && x.Version == y.Version && x.Kind == y.Kind
        && x.Payload.Span.SequenceEqual(y.Payload.Span)
        && x.PreviousHash == y.PreviousHash && x.Hash == y.Hash;

    public int GetHashCode(LedgerEntry obj) => HashCode.Combine(obj.StreamId, obj.Version, obj.Hash);
}
