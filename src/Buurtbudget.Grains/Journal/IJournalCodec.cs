using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Journal;

/// <summary>How a grain's events and snapshots become bytes. Events must encode to the same bytes every time:
/// the ledger hashes exactly what is stored.</summary>
public interface IJournalCodec<TState, TEvent>
{
    NewEntry Encode(TEvent change);

    TEvent Decode(LedgerEntry entry);

    /// <summary>
    /// Takes what a snapshot needs from <paramref name="state"/> during the grain's turn, cheaply (immutable
    /// references, no encoding); the returned function encodes it later, off the turn, so a large snapshot does
    /// not hold up the calls waiting behind it.
    /// </summary>
    Func<byte[]> CaptureState(TState state);

    TState DecodeState(ReadOnlySpan<byte> bytes);
}
