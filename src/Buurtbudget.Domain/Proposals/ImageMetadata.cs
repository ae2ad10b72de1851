using System.Buffers.Binary;

namespace Buurtbudget.Domain.Proposals;

/// <summary>
/// Removes what a camera or an editor wrote into an image besides the picture: a phone photo of a spot in the
/// neighbourhood, taken from home, carries the home's GPS position, the time and the phone's make in its EXIF, and a
/// proposal's images are public. Only what a browser needs to show the picture as it was taken is kept: the pixels,
/// colour profiles and, for JPEG, the orientation (a phone stores most photos sideways with a tag that turns them).
/// The pixels are copied byte for byte, never re-encoded. A file whose structure cannot be followed to its end is kept
/// as it is, as before this existed: a browser shows it damaged or not at all, and a phone's photo is never like that.
/// </summary>
public static class ImageMetadata
{
    /// <summary>The image without its metadata (the same bytes when there is none, or when they cannot be followed).</summary>
    public static byte[] Strip(ReadOnlySpan<byte> image) => (ImageFormat.ContentTypeOf(image) switch
    {
        "image/jpeg" => StripJpeg(image),
        "image/png" => StripPng(image),
        "image/webp" => StripWebP(image),
        _ => null,
    }) ?? image.ToArray();

    // JPEG: segments up to the start of scan, then the compressed picture to the end. Kept: JFIF (APP0), ICC profiles
    // (APP2), Adobe's colour transform (APP14) and every segment that is not an application segment or a comment.
    private static byte[]? StripJpeg(ReadOnlySpan<byte> image)
    {
        var kept = new List<byte>(image.Length) { 0xFF, 0xD8 };
        int at = 2;
        while (true)
        {
            if (at + 4 > image.Length || image[at] != 0xFF)
            {
                return null;
            }
            byte marker = image[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(image[(at + 2)..]);
            if (length < 2 || at + 2 + length > image.Length)
            {
                return null;
            }
            var segment = image.Slice(at, 2 + length);
            if (marker == 0xDA)
            {
                // Start of scan: the picture itself follows, up to and including the end-of-image marker.
                kept.AddRange(image[at..]);
                return [.. kept];
            }
            if (marker == 0xE1)
            {
                if (ExifOrientation(segment[4..]) is { } orientation and not 1)
                {
                    kept.AddRange(OrientationOnly(orientation));
                }
            }
            else if (!(marker is >= 0xE3 and <= 0xED or 0xEF or 0xFE))
            {
                kept.AddRange(segment);
            }
            at += 2 + length;
        }
    }

    /// <summary>The Orientation tag (1–8) of an APP1 Exif payload, or null when there is none or it cannot be read.</summary>
    private static ushort? ExifOrientation(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 14 || !payload[..6].SequenceEqual("Exif\0\0"u8))
        {
            return null;
        }
        var tiff = payload[6..];
        bool little = tiff[..2].SequenceEqual("II"u8);
        if (!little && !tiff[..2].SequenceEqual("MM"u8))
        {
            return null;
        }
        uint ifd = U32(tiff, 4, little);
        if (U16(tiff, 2, little) != 42 || ifd > (uint)tiff.Length - 2)
        {
            return null;
        }
        int entries = U16(tiff, (int)ifd, little);
        for (int i = 0; i < entries; i++)
        {
            int entry = (int)ifd + 2 + (12 * i);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }
            // Orientation: tag 0x0112, one SHORT, stored in the entry itself.
            if (U16(tiff, entry, little) == 0x0112 && U16(tiff, entry + 2, little) == 3 && U32(tiff, entry + 4, little) == 1)
            {
                ushort value = U16(tiff, entry + 8, little);
                return value is >= 1 and <= 8 ? value : null;
            }
        }
        return null;
    }

    private static ushort U16(ReadOnlySpan<byte> tiff, int offset, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff[offset..]) : BinaryPrimitives.ReadUInt16BigEndian(tiff[offset..]);

    private static uint U32(ReadOnlySpan<byte> tiff, int offset, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[offset..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[offset..]);

    /// <summary>An APP1 segment whose Exif holds nothing but the orientation.</summary>
    private static byte[] OrientationOnly(ushort orientation)
    {
        // "Exif\0\0", a little-endian TIFF header pointing at IFD0, one entry, no next IFD.
        byte[] segment =
        [
            0xFF, 0xE1, 0, 34,
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0,
            1, 0,
            0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0,
            0, 0, 0, 0,
        ];
        return segment;
    }

    // PNG: length, type, data, CRC per chunk. Text (tEXt, zTXt, iTXt), EXIF (eXIf) and the time (tIME) go; every other
    // chunk, the picture and how to show it, is copied unchanged with its own CRC.
    private static byte[]? StripPng(ReadOnlySpan<byte> image)
    {
        var kept = new List<byte>(image.Length);
        kept.AddRange(image[..8]);
        int at = 8;
        while (at + 12 <= image.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(image[at..]);
            if (length > (uint)(image.Length - at - 12))
            {
                return null;
            }
            var type = image.Slice(at + 4, 4);
            var chunk = image.Slice(at, 12 + (int)length);
            if (!(type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8) || type.SequenceEqual("iTXt"u8)
                || type.SequenceEqual("eXIf"u8) || type.SequenceEqual("tIME"u8)))
            {
                kept.AddRange(chunk);
            }
            at += chunk.Length;
            if (type.SequenceEqual("IEND"u8))
            {
                kept.AddRange(image[at..]); // nothing reads past the end; kept so that the file stays what was sent
                return [.. kept];
            }
        }
        return null; // no IEND: cut off
    }

    // WebP: a RIFF file of chunks, each with an even size. EXIF and XMP go, and the extended header (VP8X) stops
    // announcing them; the RIFF size is written anew.
    private static byte[]? StripWebP(ReadOnlySpan<byte> image)
    {
        if (image.Length < 12 || BinaryPrimitives.ReadUInt32LittleEndian(image[4..]) > (uint)(image.Length - 8))
        {
            return null;
        }
        int end = 8 + (int)BinaryPrimitives.ReadUInt32LittleEndian(image[4..]);
        var kept = new List<byte>(image.Length);
        kept.AddRange(image[..12]);
        int at = 12;
        while (at < end)
        {
            if (at + 8 > end)
            {
                return null;
            }
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(image[(at + 4)..]);
            long padded = size + (size & 1);
            if (padded > end - at - 8)
            {
                return null;
            }
            var type = image.Slice(at, 4);
            var chunk = image.Slice(at, 8 + (int)padded);
            if (type.SequenceEqual("VP8X"u8) && chunk.Length > 8)
            {
                int flags = kept.Count + 8;
                kept.AddRange(chunk);
                kept[flags] = (byte)(kept[flags] & ~(0x08 | 0x04)); // no EXIF, no XMP
            }
            else if (!type.SequenceEqual("EXIF"u8) && !type.SequenceEqual("XMP "u8))
            {
                kept.AddRange(chunk);
            }
            at += chunk.Length;
        }
        int riff = kept.Count - 8;
        kept.AddRange(image[end..]);
        var stripped = kept.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(stripped.AsSpan(4), (uint)riff);
        return stripped;
    }
}
