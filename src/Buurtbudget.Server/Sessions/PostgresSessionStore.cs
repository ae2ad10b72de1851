using Npgsql;

namespace Buurtbudget.Server.Sessions;

/// <summary>Sessions in the <c>sessions</c> table of the ledger's PostgreSQL database (see <see cref="PostgresSessionSchema"/>).</summary>
internal sealed class PostgresSessionStore(NpgsqlDataSource database) : ISessionStore
{
    public async Task StartAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("INSERT INTO sessions (id_digest, holder, started_at, last_used_at) VALUES ($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = session.IdDigest });
        command.Parameters.Add(new NpgsqlParameter<byte[]?> { TypedValue = session.Holder, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = session.StartedAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = session.LastUsedAt.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SessionRecord?> FindAsync(byte[] idDigest, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT holder, started_at, last_used_at FROM sessions WHERE id_digest = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = idDigest });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SessionRecord(idDigest, reader.IsDBNull(0) ? null : (byte[])reader[0],
                new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero))
            : null;
    }

    public async Task RecordUseAsync(byte[] idDigest, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("UPDATE sessions SET last_used_at = greatest(last_used_at, $2) WHERE id_digest = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = idDigest });
        command.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> EndAsync(byte[] idDigest, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM sessions WHERE id_digest = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = idDigest });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<int> EndAllOfAsync(byte[] holder, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM sessions WHERE holder = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = holder });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> PurgeAsync(DateTimeOffset idleBefore, DateTimeOffset startedBefore, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM sessions WHERE last_used_at < $1 OR started_at < $2");
        command.Parameters.Add(new NpgsqlParameter { Value = idleBefore.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = startedBefore.UtcDateTime });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
