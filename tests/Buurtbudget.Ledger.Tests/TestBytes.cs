namespace Buurtbudget.Ledger.Tests;

internal static class TestBytes
{
    /// <summary>Bytes that repeat no page of any other seed's, so a page kept or written is the one meant.</summary>
    public static byte[] Random(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new System.Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Two snapshots of a growing ballot box: a count near the start changes and ballots are appended at
    /// the end. Of <c>before</c>'s 11 pages, page 0 changes and page 10 (100 bytes) fills up; 3 pages are new.</summary>
    public static (byte[] Before, byte[] After) GrowingSnapshot()
    {
        const int page = SnapshotPages.PageSize;
        var before = Random(10 * page + 100);
        var after = before.Concat(Random(3 * page, seed: 2)).ToArray();
        after[0] ^= 0xFF;
        return (before, after);
    }
}
