using Buurtbudget.Ledger;
using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Sqlite;
using Npgsql;

namespace Buurtbudget.Server.Hosting;

internal static class LedgerExtensions
{
    /// <summary>The ledger: SQLite in the data directory by default, PostgreSQL when a connection string is configured.</summary>
    public static void AddLedger(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IEventLedger>(services =>
        {
            var options = services.Buurtbudget();
            if (options.Postgres is { } postgres)
            {
                if (!string.IsNullOrWhiteSpace(postgres.OwnerConnectionString))
                {
                    var appRole = postgres.AppRole ?? new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Username
                        ?? throw new InvalidOperationException("Set Buurtbudget:Postgres:AppRole: the connection string names no user.");
                    PostgresLedgerSchema.MigrateAsync(postgres.OwnerConnectionString, appRole).GetAwaiter().GetResult();
                }
                return new PostgresEventLedger(services.GetRequiredService<NpgsqlDataSource>());
            }
            return SqliteEventLedger.OpenInDirectory(services.DataDirectory());
        });
        // A service of its own so the container closes its pooled connections when the server stops (the ledger
        // only borrows it); created on first use, so it exists only when PostgreSQL is configured.
        builder.Services.AddSingleton(services => PostgresConnections.Create(services.Buurtbudget().Postgres?.ConnectionString
            ?? throw new InvalidOperationException("No PostgreSQL connection string is configured.")));
        builder.Services.AddSingleton(services =>
            ServerSecrets.Load(services.Buurtbudget(), services.DataDirectory(), services.GetRequiredService<ILoggerFactory>().CreateLogger("Buurtbudget")));
    }
}
