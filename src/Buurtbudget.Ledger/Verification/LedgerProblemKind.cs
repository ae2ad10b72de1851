namespace Buurtbudget.Ledger.Verification;

/// <summary>The ways a stream can fail verification, in the order they are looked for along the chain.</summary>
public enum LedgerProblemKind
{
    /// <summary>A version is absent: a row was deleted, or a later one inserted past a gap.</summary>
    MissingVersion,

    /// <summary>A row's version is not above the previous one: a duplicate or rows out of order.</summary>
    OutOfOrder,

    /// <summary>A row's previous hash is not the hash of the entry before it (or of genesis for version 1).</summary>
    BrokenLink,

    /// <summary>Recomputing the row's hash from its contents gives a different hash: the row was altered.</summary>
    AlteredEntry,

    /// <summary>The head row names a different version or hash than the last entry.</summary>
    HeadMismatch,

    /// <summary>A head row exists for a stream that has no entries.</summary>
    HeadWithoutEntries,

    /// <summary>Entries exist but no head row does.</summary>
    EntriesWithoutHead,

    /// <summary>The expected (published) head hash is not the hash of any entry of the stream.</summary>
    UnexpectedHead,

    /// <summary>An expected head was given for a stream that does not exist in the store.</summary>
    MissingStream,
}
