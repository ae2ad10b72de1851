namespace Buurtbudget.Grains.Journal;

/// <summary>A stored entry does not chain to the one before it or does not match its hash: the ledger was
/// altered outside the application. The grain refuses to activate; run <c>buurtbudget verify</c>.</summary>
public sealed class LedgerIntegrityException : Exception
{
    public LedgerIntegrityException(string streamId, long version)
        : base($"Entry {version} of {streamId} does not match the hash chain; the ledger was changed outside Buurtbudget. Run 'buurtbudget verify'.")
    {
        StreamId = streamId;
        Version = version;
    }

    public LedgerIntegrityException() { StreamId = ""; }
    public LedgerIntegrityException(string message) : base(message) { StreamId = ""; }
    public LedgerIntegrityException(string message, Exception innerException) : base(message, innerException) { StreamId = ""; }

    public string StreamId { get; }
    public long Version { get; }
}
