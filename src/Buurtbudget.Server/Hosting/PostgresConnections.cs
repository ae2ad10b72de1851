using System.Data.Common;
using Npgsql;

namespace Buurtbudget.Server.Hosting;

/// <summary>The server's one PostgreSQL data source, with a pool limit that fits PostgreSQL's own.</summary>
internal static class PostgresConnections
{
    /// <summary>
    /// The pool limit when the connection string sets none. Npgsql's own default (100) is PostgreSQL's whole default
    /// <c>max_connections</c>: one busy node could take every slot, and the next connection is refused (53300)
    /// instead of waiting. A node needs one connection for the ledger writer, one for LISTEN and a few for reads.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!SetsPoolLimit(connectionString))
        {
            builder.ConnectionStringBuilder.MaxPoolSize = DefaultMaxPoolSize;
        }
        return builder.Build();
    }

    /// <summary>Whether the operator chose a limit (under any of the names Npgsql accepts for it).</summary>
    private static bool SetsPoolLimit(string connectionString)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        return keys.Any(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() is "maximumpoolsize" or "maxpoolsize");
    }
}
