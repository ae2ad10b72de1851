using System.Buffers.Binary;
using System.Text;
using Buurtbudget.Domain.Proposals;

namespace Buurtbudget.Domain.Tests.Proposals;

/// <summary>What a camera wrote besides the picture (where, when, with what) leaves a proposal's image; the picture,
/// its colours and its orientation stay, byte for byte.</summary>
public sealed class Image_metadata
{
    private static readonly byte[] Home = Encoding.ASCII.GetBytes("52N22.1 4E54.3 Dorpsstraat 1");

    [Fact]
    public void A_jpeg_loses_its_exif_comments_and_photo_editor_segments_and_keeps_its_orientation_colours_and_pixels()
    {
        byte[] soi = [0xFF, 0xD8];
        var jfif = Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        var exif = Segment(0xE1, Exif(orientation: 6, bigEndian: true, extra: Home));
        var xmp = Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Home]);
        var icc = Segment(0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, 9, 9, 9]);
        var photoshop = Segment(0xED, [.. "Photoshop 3.0\0"u8, .. Home]);
        var adobe = Segment(0xEE, [.. "Adobe"u8, 0, 100, 0, 0, 0, 0, 1]);
        var comment = Segment(0xFE, Home);
        var quantisation = Segment(0xDB, [0, .. Enumerable.Range(1, 64).Select(i => (byte)i)]);
        var frame = Segment(0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        byte[] scan = [.. Segment(0xDA, [1, 1, 0, 0, 63, 0]), 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9];
        byte[] photo = [.. soi, .. jfif, .. exif, .. xmp, .. icc, .. photoshop, .. adobe, .. comment, .. quantisation, .. frame, .. scan];

        var stripped = ImageMetadata.Strip(photo);

        byte[] orientationOnly = Segment(0xE1, Exif(orientation: 6, bigEndian: false, extra: []));
        Assert.Equal([.. soi, .. jfif, .. orientationOnly, .. icc, .. adobe, .. quantisation, .. frame, .. scan], stripped);
        Assert.Equal(-1, stripped.AsSpan().IndexOf(Home));
    }

    [Fact]
    public void A_jpeg_taken_upright_keeps_no_exif_at_all()
    {
        byte[] photo = [0xFF, 0xD8, .. Segment(0xE1, Exif(orientation: 1, bigEndian: false, extra: Home)), .. Segment(0xDA, [0]), 0x55, 0xFF, 0xD9];

        Assert.Equal([0xFF, 0xD8, .. Segment(0xDA, [0]), 0x55, 0xFF, 0xD9], ImageMetadata.Strip(photo));
    }

    [Fact]
    public void A_png_loses_its_text_exif_and_time_chunks_and_keeps_every_other_chunk()
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var header = Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        var gamma = Chunk("gAMA", [0, 0, 0xB1, 0x8F]);
        var pixels = Chunk("IDAT", [0x78, 0x9C, 1, 2, 3]);
        var end = Chunk("IEND", []);
        byte[] image = [.. signature, .. header, .. Chunk("tEXt", [.. "Author\0"u8, .. Home]), .. gamma, .. Chunk("eXIf", Home),
            .. Chunk("iTXt", [.. "Location\0\0\0\0\0"u8, .. Home]), .. Chunk("zTXt", [.. "Comment\0\0"u8, .. Home]), .. Chunk("tIME", [7, 234, 12, 3, 12, 0, 0]),
            .. pixels, .. end];

        Assert.Equal([.. signature, .. header, .. gamma, .. pixels, .. end], ImageMetadata.Strip(image));
    }

    [Fact]
    public void A_webp_loses_its_exif_and_xmp_and_stops_announcing_them()
    {
        var extended = Chunk4("VP8X", [0x20 | 0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        var icc = Chunk4("ICCP", [1, 2, 3]);
        var pixels = Chunk4("VP8 ", [9, 8, 7, 6]);
        byte[] image = Riff([.. extended, .. icc, .. pixels, .. Chunk4("EXIF", Home), .. Chunk4("XMP ", Home)]);

        var stripped = ImageMetadata.Strip(image);

        var announcing = extended.ToArray();
        announcing[8] = 0x20; // the ICC profile is still there
        Assert.Equal(Riff([.. announcing, .. icc, .. pixels]), stripped);
    }

    [Fact]
    public void A_file_whose_structure_cannot_be_followed_is_kept_as_it_was_sent()
    {
        byte[] cutJpeg = [0xFF, 0xD8, 0xFF, 0xE1, 0x10, 0x00, .. Home];
        byte[] cutPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

        Assert.Equal(cutJpeg, ImageMetadata.Strip(cutJpeg));
        Assert.Equal(cutPng, ImageMetadata.Strip(cutPng));
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>An Exif payload: IFD0 with a make, the orientation and a pointer to GPS data, then <paramref name="extra"/>.</summary>
    private static byte[] Exif(ushort orientation, bool bigEndian, byte[] extra)
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange(bigEndian ? [(byte)(v >> 8), (byte)v] : [(byte)v, (byte)(v >> 8)]);
        void U32(int v) => tiff.AddRange(bigEndian ? [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v] : [(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)]);
        tiff.AddRange(bigEndian ? "MM"u8.ToArray() : "II"u8.ToArray());
        U16(42);
        U32(8);
        bool gps = extra.Length > 0;
        U16(gps ? 3 : 1);
        if (gps)
        {
            U16(0x010F); U16(2); U32(4); tiff.AddRange("Fone"u8.ToArray()); // make, in the entry itself
        }
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        if (gps)
        {
            U16(0x8825); U16(4); U32(1); U32(8 + 2 + (3 * 12) + 4); // GPS IFD right after IFD0
        }
        U32(0);
        tiff.AddRange(extra);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), 0x12345678); // a CRC; copied, never checked
        return chunk;
    }

    private static byte[] Chunk4(string type, byte[] data)
    {
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    private static byte[] Riff(byte[] chunks)
    {
        byte[] file = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. chunks];
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        return file;
    }
}
