using Buurtbudget.Ledger.GroupCommit;

namespace Buurtbudget.Ledger.Tests.Contract;

/// <summary>A ledger a contract test opened on its store, with the store's counters; closing is idempotent.</summary>
public sealed class OpenLedger(IEventLedger ledger, Func<LedgerCounters> counters, Func<ValueTask> close) : IAsyncDisposable
{
    private bool _closed;

    public IEventLedger Ledger { get; } = ledger;

    public LedgerCounters Counters => counters();

    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            await close();
        }
    }
}
