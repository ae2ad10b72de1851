namespace Buurtbudget.Server.Proposals.Images;

/// <summary>Images as files named by their hash in <c>images/</c> of the data directory, beside the SQLite ledger.</summary>
internal sealed class FileImageStore(string directory) : IImageStore
{
    public async Task<string> StoreAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        string hash = ImageHash.Of(bytes), path = Path.Combine(directory, hash);
        if (File.Exists(path))
        {
            return hash;
        }
        Directory.CreateDirectory(directory);
        // Written aside and moved into place, so a file under an image's name is always the whole image.
        string partial = Path.Combine(directory, $"{hash}.{Guid.NewGuid():N}.partial");
        await File.WriteAllBytesAsync(partial, bytes, cancellationToken);
        try
        {
            File.Move(partial, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(partial); // the same bytes arrived twice at once; one copy is enough
        }
        return hash;
    }

    public async Task<byte[]?> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        string path = Path.Combine(directory, hash);
        return ImageHash.IsValid(hash) && File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }
}
