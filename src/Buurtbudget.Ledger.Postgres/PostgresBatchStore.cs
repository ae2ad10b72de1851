using Buurtbudget.Ledger.GroupCommit;
using Npgsql;

namespace Buurtbudget.Ledger.Postgres;

/// <summary>
/// Applies a batch as one <see cref="NpgsqlBatch"/> (one round trip) in a transaction, then COMMIT with
/// <c>synchronous_commit = on</c>, so the writer completes callers only after the WAL is flushed.
/// </summary>
internal sealed class PostgresBatchStore(NpgsqlDataSource dataSource) : IBatchStore
{
    public async Task<IReadOnlyList<AppendOutcome>> CommitBatchAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await CommitAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // After a restart or a network cut the pool's idle connections are dead too; drop them so the
            // next batch opens a fresh connection instead of failing on a stale one.
            dataSource.Clear();
            throw;
        }
    }

    private async Task<IReadOnlyList<AppendOutcome>> CommitAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
    {
        // Statements go in stream order (stable, so one stream's appends keep theirs): every node then locks
        // head rows in the same order, and two nodes' batches cannot deadlock each other.
        var order = Enumerable.Range(0, batch.Count)
            .OrderBy(i => batch[i].StreamId, StringComparer.Ordinal)
            .ToArray();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlBatch(connection, transaction);
        // Durability is the ledger's promise, whatever the database or role default says.
        command.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = on"));
        foreach (var i in order)
        {
            command.BatchCommands.Add(AppendStatement.For(batch[i]));
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        var outcomes = new AppendOutcome[batch.Count];
        for (int k = 0; k < order.Length; k++)
        {
            var append = batch[order[k]];
            var inserted = command.BatchCommands[k + 1].RecordsAffected;
            outcomes[order[k]] = inserted == append.Entries.Count ? AppendOutcome.Committed
                : inserted == 0 ? AppendOutcome.Conflict
                : throw new InvalidOperationException($"Append to '{append.StreamId}' inserted {inserted} of {append.Entries.Count} entries.");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcomes;
    }
}
