namespace Buurtbudget.Server.Proposals.Images;

/// <summary>
/// Proposal images, content-addressed: stored under the SHA-256 of their bytes, outside the ledger's event payloads
/// (a proposal's events name an image by hash, type and size only). Storing the same bytes twice stores them once.
/// PostgreSQL keeps them in the <c>images</c> table next to the ledger; the embedded setup in files beside the SQLite
/// ledger.
/// </summary>
internal interface IImageStore
{
    /// <summary>Stores the bytes and returns their hash (lower-case hex SHA-256).</summary>
    Task<string> StoreAsync(byte[] bytes, CancellationToken cancellationToken);

    /// <summary>The bytes stored under <paramref name="hash"/>, or null.</summary>
    Task<byte[]?> ReadAsync(string hash, CancellationToken cancellationToken);
}

internal static class ImageHash
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>Whether <paramref name="hash"/> can name an image at all (64 lower-case hex digits): anything else is
    /// never looked up, so it never reaches a file name or a query.</summary>
    public static bool IsValid(string? hash) => hash is { Length: 64 } && hash.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
