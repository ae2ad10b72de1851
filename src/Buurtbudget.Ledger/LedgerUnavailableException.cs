namespace Buurtbudget.Ledger;

/// <summary>
/// The store could not confirm a commit (connection lost, disk error, database stopped). The entries may or may
/// not have been committed: callers must not acknowledge them, and a retry with the same idempotency key finds
/// out which.
/// </summary>
public sealed class LedgerUnavailableException : Exception
{
    public LedgerUnavailableException() { }
    public LedgerUnavailableException(string message) : base(message) { }
    public LedgerUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
