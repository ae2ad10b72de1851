namespace Buurtbudget.Ledger;

/// <summary>An append expected a head the stream no longer (or never) had. Nothing was written.</summary>
public sealed class LedgerConflictException : Exception
{
    public LedgerConflictException(string streamId, StreamHead expected)
        : base($"Stream '{streamId}' is not at version {expected.Version} with head {expected.Hash}; reload it and try again.")
    {
        StreamId = streamId;
        Expected = expected;
    }

    public LedgerConflictException() { StreamId = ""; }
    public LedgerConflictException(string message) : base(message) { StreamId = ""; }
    public LedgerConflictException(string message, Exception innerException) : base(message, innerException) { StreamId = ""; }

    public string StreamId { get; }
    public StreamHead Expected { get; }
}
