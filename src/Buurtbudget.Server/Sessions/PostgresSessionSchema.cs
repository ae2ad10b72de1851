using Npgsql;

namespace Buurtbudget.Server.Sessions;

/// <summary>
/// The <c>sessions</c> table, created by the schema owner at start-up next to the ledger's migrations. Unlike the
/// ledger it is not history: rows are updated (last use) and deleted (sign-out, expiry), so the application role
/// gets UPDATE and DELETE on this table only. Idempotent; a later change adds statements that are idempotent too.
/// </summary>
internal static class PostgresSessionSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS sessions (
            id_digest    bytea PRIMARY KEY CHECK (length(id_digest) = 32),
            holder       bytea,
            started_at   timestamptz NOT NULL,
            last_used_at timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS sessions_by_holder ON sessions (holder) WHERE holder IS NOT NULL;
        REVOKE ALL ON sessions FROM PUBLIC;
        """;

    public static async Task MigrateAsync(string ownerConnectionString, string appRoleName, CancellationToken cancellationToken = default)
    {
        // Unpooled, like the ledger's migrations: the owner's connection must not linger (Bug_002).
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // "sessions" in ASCII: two nodes starting together create the table once.
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(8315179226536832627); " + Sql
            + $"GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO \"{appRoleName.Replace("\"", "\"\"", StringComparison.Ordinal)}\";", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
