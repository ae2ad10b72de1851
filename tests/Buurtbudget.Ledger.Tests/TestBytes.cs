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
}
