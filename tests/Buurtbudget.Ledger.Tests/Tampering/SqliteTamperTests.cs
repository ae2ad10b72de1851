using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Ledger.Verification;
using Buurtbudget.Testing;
using Microsoft.Data.Sqlite;

namespace Buurtbudget.Ledger.Tests.Tampering;

public sealed class SqliteTamperTests : TamperContract, IDisposable
{
    private readonly TempDirectory _folder = new("buurtbudget-tamper-");

    private string Path => _folder.File("ledger.db");

    protected override async Task<Dictionary<string, EntryHash>> BuildCleanLedgerAsync()
    {
        await using var ledger = SqliteEventLedger.Open(Path);
        return await CleanLedger.BuildAsync(ledger);
    }

    protected override Task TamperAsync(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // Whoever holds the file can drop the guard triggers; the chain is what still tells.
        command.CommandText = "DROP TRIGGER ledger_entries_no_update; DROP TRIGGER ledger_entries_no_delete;\n" + sql;
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    protected override Task<LedgerRows> ReadRowsAsync() => Task.FromResult(SqliteLedgerRows.Read(Path));

    public void Dispose() => _folder.Dispose();
}
