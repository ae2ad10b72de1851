namespace Buurtbudget.Domain.Proposals;

/// <summary>
/// Which images a proposal may carry, told by their first bytes: PNG, JPEG and WebP, nothing else. The content type
/// an uploader declares is never trusted; an image is served with the type its bytes say, so a file that is really a
/// page or a script never reaches a browser as one.
/// </summary>
public static class ImageFormat
{
    public const long MaxBytes = 2 * 1024 * 1024;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The content type the bytes are, or null when they are not a PNG, JPEG or WebP image.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && bytes[..8].SequenceEqual(Png) ? "image/png"
        : bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF ? "image/jpeg"
        : bytes.Length >= 16 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)
            && bytes[12..15].SequenceEqual("VP8"u8) ? "image/webp"
        : null;

    /// <summary>Null when <paramref name="bytes"/> may be a proposal's image; otherwise why not, for the uploader.</summary>
    public static string? WhyNot(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? "The image is empty; send the image file itself as the request body."
        : bytes.Length > MaxBytes ? $"An image is at most {MaxBytes / (1024 * 1024)} MB; make it smaller."
        : ContentTypeOf(bytes) is null ? "Only PNG, JPEG and WebP images are accepted, and this file is none of them."
        : null;
}
