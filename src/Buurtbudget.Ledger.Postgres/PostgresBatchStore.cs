using Buurtbudget.Ledger.GroupCommit;
using Npgsql;

namespace Buurtbudget.Ledger.Postgres;

/// <summary>
/// Applies a batch as ONE round trip: an <see cref="NpgsqlBatch"/> without an explicit transaction runs as one
/// implicit transaction that PostgreSQL commits when the batch ends, before it answers; with
/// <c>synchronous_commit = on</c> that answer means the WAL is flushed. Any error rolls the whole batch back.
/// </summary>
/// <remarks>
/// <para>Synchronous I/O on purpose: <see cref="GroupCommitWriter"/> runs its loop on a thread of its own, and an
/// asynchronous round trip would put the loop's every continuation back in the thread pool's queue, behind the
/// request work of a busy server, once per commit (see the writer's remarks).</para>
/// The store keeps its own connection open (one per writer lane) instead of returning it to the pool after every
/// batch: no pool reset, and its three statements stay prepared. After any failure the connection is dropped and
/// the pool cleared, so the next batch starts on a fresh connection (for example once the database is back).
/// </remarks>
internal sealed class PostgresBatchStore(NpgsqlDataSource dataSource) : IBatchStore, IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public Task<IReadOnlyList<AppendOutcome>> CommitBatchAsync(IReadOnlyList<PendingAppend> batch, CancellationToken cancellationToken)
    {
        try
        {
            var connection = _connection ??= Open();
            return Task.FromResult<IReadOnlyList<AppendOutcome>>(Commit(connection, batch));
        }
        catch
        {
            // After a restart or a network cut the pool's idle connections are dead too; drop them all.
            Close();
            dataSource.Clear();
            throw;
        }
    }

    private NpgsqlConnection Open()
    {
        var connection = dataSource.OpenConnection();
        try
        {
            // Durability is the ledger's promise, whatever the database or role default says.
            using var durable = new NpgsqlCommand("SET synchronous_commit = on", connection);
            durable.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static AppendOutcome[] Commit(NpgsqlConnection connection, IReadOnlyList<PendingAppend> batch)
    {
        // Statements go in stream order (stable, so one stream's appends keep theirs): every node then locks
        // head rows in the same order, and two nodes' batches cannot deadlock each other.
        var order = Enumerable.Range(0, batch.Count)
            .OrderBy(i => batch[i].StreamId, StringComparer.Ordinal)
            .ToArray();
        var runs = ChainRun.Of(batch, order);

        using var command = new NpgsqlBatch(connection);
        foreach (var run in runs)
        {
            command.BatchCommands.Add(AppendStatement.For(run));
        }

        // Two statement texts in all: prepared once on this connection, then only bound and executed.
        command.Prepare();
        command.ExecuteNonQuery();

        var outcomes = new AppendOutcome[batch.Count];
        for (int k = 0; k < runs.Count; k++)
        {
            var run = runs[k];
            var inserted = command.BatchCommands[k].RecordsAffected;
            var outcome = inserted == run.Entries.Count ? AppendOutcome.Committed
                : inserted == 0 ? AppendOutcome.Conflict
                : throw new InvalidOperationException($"Append to '{run.StreamId}' inserted {inserted} of {run.Entries.Count} entries.");
            foreach (var i in run.Members)
            {
                outcomes[i] = outcome;
            }
        }

        return outcomes;
    }

    private void Close()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            connection.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
