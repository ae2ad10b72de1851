using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Testing;

namespace Buurtbudget.Ledger.Tests.Contract;

/// <summary>The ledger contract on a real SQLite file in a fresh folder.</summary>
/// <remarks>xunit calls <see cref="LedgerContract.DisposeAsync"/> (closing the ledgers) before <see cref="Dispose"/>.</remarks>
public sealed class SqliteLedgerContractTests : LedgerContract, IDisposable
{
    private readonly TempDirectory _folder = new("buurtbudget-ledger-");

    protected override Task<OpenLedger> OpenStoreAsync()
    {
        var ledger = SqliteEventLedger.OpenInDirectory(_folder.Path);
        return Task.FromResult(new OpenLedger(ledger, () => ledger.Counters, ledger.DisposeAsync));
    }

    public void Dispose() => _folder.Dispose();
}
