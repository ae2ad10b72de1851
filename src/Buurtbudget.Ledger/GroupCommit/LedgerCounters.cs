namespace Buurtbudget.Ledger.GroupCommit;

/// <summary>
/// What a ledger's writer has done so far. <see cref="Commits"/> below <see cref="Appends"/> is group commit at
/// work: several callers shared one durable transaction.
/// </summary>
/// <param name="Appends">Appends that reached the store (committed, conflicting or failed).</param>
/// <param name="Commits">Transactions that committed.</param>
/// <param name="Conflicts">Appends refused because the head had moved.</param>
/// <param name="FailedBatches">Batches whose transaction failed (every append in them got <see cref="LedgerUnavailableException"/>).</param>
public readonly record struct LedgerCounters(long Appends, long Commits, long Conflicts, long FailedBatches);
