namespace Buurtbudget.Ledger;

/// <summary>
/// A snapshot's state cut into pages of at most <see cref="PageSize"/> bytes, each named by the SHA-256 of its bytes.
/// Stores keep a stream's pages by hash and its current snapshot as the list of its pages' hashes, so a new snapshot
/// writes only the pages the last one did not have.
/// </summary>
/// <remarks>
/// Ballots are appended at the end of their cycle's part of a snapshot, so the next snapshot of a neighbourhood repeats
/// most pages of the last one byte for byte: at 100,000 ballots a snapshot is 19 MB, of which a few hundred kB are new.
/// Writing it whole cost PostgreSQL a core for 50–130 ms, and on SQLite it left megabytes of dirty pages that the
/// ledger's next fsync had to flush first (docs/performance.md, sessions 6 and 10).
/// </remarks>
public sealed class SnapshotPages
{
    /// <summary>Bytes per page: with a row's other columns (a stream id of up to ~900 bytes) it fits one 8 kB
    /// PostgreSQL page, so PostgreSQL stores it without TOAST.</summary>
    public const int PageSize = 7 * 1024;

    private const int HashSize = EntryHash.Length;

    private readonly ReadOnlyMemory<byte> _state;

    private SnapshotPages(ReadOnlyMemory<byte> state, byte[] list)
    {
        _state = state;
        List = list;
    }

    /// <summary>The pages' hashes, one after the other: what a store keeps as the snapshot.</summary>
    public byte[] List { get; }

    public int Count => List.Length / HashSize;

    public long Length => _state.Length;

    public static SnapshotPages Of(ReadOnlyMemory<byte> state)
    {
        int count = (state.Length + PageSize - 1) / PageSize;
        var list = new byte[count * HashSize];
        for (int i = 0; i < count; i++)
        {
            EntryHash.Of(PageOf(state, i).Span).Bytes.CopyTo(list.AsSpan(i * HashSize, HashSize));
        }
        return new SnapshotPages(state, list);
    }

    public ReadOnlyMemory<byte> Page(int index) => PageOf(_state, index);

    public ReadOnlyMemory<byte> HashOf(int index) => List.AsMemory(index * HashSize, HashSize);

    /// <summary>The hashes a stored list names, in order.</summary>
    public static IEnumerable<EntryHash> Hashes(byte[] list)
    {
        for (int offset = 0; offset + HashSize <= list.Length; offset += HashSize)
        {
            yield return EntryHash.FromBytes(list.AsSpan(offset, HashSize));
        }
    }

    /// <summary>
    /// The state a stored list names, from its pages; null when a page is missing or the sizes do not add up to
    /// <paramref name="length"/>. A snapshot is a cache: a broken one is ignored and activation replays the ledger.
    /// </summary>
    public static byte[]? Assemble(long length, byte[] list, IReadOnlyDictionary<EntryHash, byte[]> pages)
    {
        if (length < 0 || length > Array.MaxLength || list.Length % HashSize != 0)
        {
            return null;
        }
        var state = new byte[length];
        int filled = 0;
        foreach (var hash in Hashes(list))
        {
            if (!pages.TryGetValue(hash, out var page) || filled + page.Length > state.Length)
            {
                return null;
            }
            page.CopyTo(state, filled);
            filled += page.Length;
        }
        return filled == state.Length ? state : null;
    }

    private static ReadOnlyMemory<byte> PageOf(ReadOnlyMemory<byte> state, int index) =>
        state.Slice(index * PageSize, Math.Min(PageSize, state.Length - index * PageSize));
}
