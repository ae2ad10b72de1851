namespace Buurtbudget.Server.Hosting;

/// <summary>Uploads that are files rather than JSON (images, .pb files), read with a limit.</summary>
internal static class RequestBodies
{
    /// <summary>The body's bytes, or, when it is longer than <paramref name="limit"/>, only the first
    /// <paramref name="limit"/> + 1 of them (a declared length over the limit is not read at all): the caller sees
    /// it is too large without the server holding more than that.</summary>
    public static async Task<byte[]> ReadAtMostAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return new byte[limit + 1];
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while (buffer.Length <= limit && (read = await request.Body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
