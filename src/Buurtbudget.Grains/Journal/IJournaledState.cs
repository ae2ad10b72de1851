using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Journal;

/// <summary>A grain's state as a fold over its events. <see cref="Apply"/> must be deterministic and never throw
/// for an event the grain itself decided to raise.</summary>
public interface IJournaledState<in TEvent>
{
    /// <param name="entry">The ledger entry carrying the event: its position and hash become receipts.</param>
    void Apply(TEvent change, LedgerEntry entry);
}
