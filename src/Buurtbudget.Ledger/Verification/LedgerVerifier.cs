namespace Buurtbudget.Ledger.Verification;

/// <summary>
/// Recomputes every stream's hash chain from raw rows and reports the first problem per stream with its
/// location, or the verified head. Pure: no I/O, so it gives the same answer whoever runs it on the same rows.
/// </summary>
/// <remarks>
/// The chain alone catches any change to a stored entry and any deletion before the last entry. Deleting the
/// last entries and fixing the head row, or rewriting a whole suffix with recomputed hashes, leaves a valid
/// chain: only a head published earlier (the fingerprint) catches that, passed as an expected head.
/// </remarks>
public static class LedgerVerifier
{
    public static VerificationReport Verify(LedgerRows rows, IReadOnlyDictionary<string, EntryHash>? expectedHeads = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        expectedHeads ??= new Dictionary<string, EntryHash>();
        var entriesByStream = rows.Entries.GroupBy(r => r.StreamId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var headsByStream = rows.Heads.GroupBy(h => h.StreamId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var streamIds = entriesByStream.Keys.Union(headsByStream.Keys).Union(expectedHeads.Keys)
            .Order(StringComparer.Ordinal);

        var verdicts = new List<StreamVerdict>();
        foreach (var streamId in streamIds)
        {
            var entries = entriesByStream.GetValueOrDefault(streamId) ?? [];
            var head = headsByStream.GetValueOrDefault(streamId);
            EntryHash? expected = expectedHeads.TryGetValue(streamId, out var hash) ? hash : null;
            verdicts.Add(VerifyStream(streamId, entries, head, expected));
        }

        return new VerificationReport(verdicts);
    }

    private static StreamVerdict VerifyStream(string streamId, List<RawEntryRow> entries, RawHeadRow? head, EntryHash? expected)
    {
        StreamVerdict Broken(long version, LedgerProblemKind kind, string message) =>
            new(streamId, entries.Count, null, new LedgerProblem(streamId, version, kind, message));

        if (entries.Count == 0)
        {
            return head is not null
                ? Broken(head.Version, LedgerProblemKind.HeadWithoutEntries, $"the head row says version {head.Version}, but the stream has no entries")
                : Broken(0, LedgerProblemKind.MissingStream, $"the stream does not exist, but head {expected} was expected");
        }

        var previous = EntryHash.Genesis;
        long expectedVersion = 1;
        long? expectedHeadVersion = null;
        foreach (var row in entries)
        {
            if (row.Version < expectedVersion)
            {
                return Broken(row.Version, LedgerProblemKind.OutOfOrder,
                    $"version {row.Version} comes after version {expectedVersion - 1} (duplicate or out of order)");
            }

            if (row.Version > expectedVersion)
            {
                return Broken(expectedVersion, LedgerProblemKind.MissingVersion,
                    $"version {expectedVersion} is missing (the next row is version {row.Version})");
            }

            if (!row.PreviousHash.AsSpan().SequenceEqual(previous.Bytes))
            {
                return Broken(row.Version, LedgerProblemKind.BrokenLink,
                    $"its previous hash {Hex(row.PreviousHash)} is not the hash of version {row.Version - 1}, {previous}");
            }

            var recomputed = ChainHash.Compute(streamId, row.Version, row.Kind, row.Payload, previous);
            if (!row.EntryHash.AsSpan().SequenceEqual(recomputed.Bytes))
            {
                return Broken(row.Version, LedgerProblemKind.AlteredEntry,
                    $"the entry was altered: its contents hash to {recomputed}, but it says {Hex(row.EntryHash)}");
            }

            if (expected is { } wanted && wanted == recomputed)
            {
                expectedHeadVersion = row.Version;
            }

            previous = recomputed;
            expectedVersion++;
        }

        var last = new StreamHead(expectedVersion - 1, previous);
        if (head is null)
        {
            return Broken(last.Version, LedgerProblemKind.EntriesWithoutHead, $"the entries end at version {last.Version}, but there is no head row");
        }

        if (head.Version != last.Version || !head.HeadHash.AsSpan().SequenceEqual(last.Hash.Bytes))
        {
            return Broken(Math.Max(head.Version, last.Version), LedgerProblemKind.HeadMismatch,
                $"the head row says version {head.Version} with hash {Hex(head.HeadHash)}, but the last entry is version {last.Version} with hash {last.Hash}");
        }

        if (expected is { } published && expectedHeadVersion is null)
        {
            return Broken(last.Version, LedgerProblemKind.UnexpectedHead,
                $"the expected head {published} is not the hash of any entry; the stream ends at version {last.Version} with hash {last.Hash}");
        }

        return new StreamVerdict(streamId, entries.Count, last, null, expectedHeadVersion);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
