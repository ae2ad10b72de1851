namespace Buurtbudget.Ledger;

/// <summary>
/// One committed entry. <see cref="Hash"/> is SHA-256 over <see cref="ChainHash.CanonicalBytes"/>, which cover
/// the stream, version, kind, payload and <see cref="PreviousHash"/>: changing any of them, or any earlier entry,
/// changes every later hash.
/// </summary>
public sealed record LedgerEntry(
    string StreamId,
    long Version,
    string Kind,
    ReadOnlyMemory<byte> Payload,
    EntryHash PreviousHash,
    EntryHash Hash)
{
    public StreamHead Head => new(Version, Hash);
}
