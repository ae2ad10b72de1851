using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Testing;

namespace Buurtbudget.Ledger.Tests.Contract;

/// <summary>The ledger contract on a real SQLite file in a fresh folder.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class SqliteLedgerContractTests : LedgerContract
{
    private readonly TempDirectory _folder = new("buurtbudget-ledger-");

    protected override Task<OpenLedger> OpenStoreAsync()
    {
        var ledger = SqliteEventLedger.OpenInDirectory(_folder.Path);
        return Task.FromResult(new OpenLedger(ledger, () => ledger.Counters, ledger.DisposeAsync));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
