namespace Buurtbudget.Ledger.GroupCommit;

/// <summary>
/// The one thing a store must do for <see cref="GroupCommitWriter"/>: apply a batch of appends, in order, in ONE
/// durable transaction.
/// </summary>
public interface IBatchStore
{
    /// <summary>
    /// For each append, in order: compare the stream's head (as left by earlier appends of this same batch) with
    /// <see cref="PendingAppend.Expected"/>; on a match insert the entries and move the head, otherwise write
    /// nothing for it. Returns only after the transaction has committed durably.
    /// </summary>
    /// <returns>One outcome per append, in the batch's order.</returns>
    /// <exception cref="Exception">Any store failure; the writer then fails the whole batch as unavailable.</exception>
    Task<IReadOnlyList<AppendOutcome>> CommitBatchAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken);
}
