using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Journal;

/// <summary>How a grain's events and snapshots become bytes. Events must encode to the same bytes every time:
/// the ledger hashes exactly what is stored.</summary>
public interface IJournalCodec<TState, TEvent>
{
    NewEntry Encode(TEvent change);

    TEvent Decode(LedgerEntry entry);

    byte[] EncodeState(TState state);

    TState DecodeState(ReadOnlySpan<byte> bytes);
}
