using Npgsql;

namespace Buurtbudget.Server.Proposals.Images;

/// <summary>Images in PostgreSQL's <c>images</c> table, which the application role may only read and insert into.</summary>
internal sealed class PostgresImageStore(NpgsqlDataSource database) : IImageStore
{
    public async Task<string> StoreAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        string hash = ImageHash.Of(bytes);
        await using var command = database.CreateCommand("INSERT INTO images (hash, bytes) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = Convert.FromHexString(hash) });
        command.Parameters.Add(new NpgsqlParameter { Value = bytes });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return hash;
    }

    public async Task<byte[]?> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        if (!ImageHash.IsValid(hash))
        {
            return null;
        }
        await using var command = database.CreateCommand("SELECT bytes FROM images WHERE hash = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Convert.FromHexString(hash) });
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }
}
