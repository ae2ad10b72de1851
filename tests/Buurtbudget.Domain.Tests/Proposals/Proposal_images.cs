using System.Text;
using Buurtbudget.Domain.Proposals;

namespace Buurtbudget.Domain.Tests.Proposals;

public sealed class Proposal_images
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];
    public static readonly byte[] WebP = [.. "RIFF"u8, 26, 0, 0, 0, .. "WEBPVP8 "u8, 10, 0, 0, 0];

    [Fact]
    public void Are_told_apart_by_their_first_bytes()
    {
        Assert.Equal("image/png", ImageFormat.ContentTypeOf(Png));
        Assert.Equal("image/jpeg", ImageFormat.ContentTypeOf(Jpeg));
        Assert.Equal("image/webp", ImageFormat.ContentTypeOf(WebP));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000")]
    [InlineData("RIFF\u0010\u0000\u0000\u0000WAVEfmt ")]
    [InlineData("\u0089PN")]
    public void That_are_anything_else_are_refused_whatever_they_claim_to_be(string content)
    {
        var bytes = Encoding.Latin1.GetBytes(content);
        Assert.Null(ImageFormat.ContentTypeOf(bytes));
        Assert.Contains("PNG, JPEG and WebP", ImageFormat.WhyNot(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Are_refused_when_empty_or_larger_than_the_limit()
    {
        Assert.Contains("empty", ImageFormat.WhyNot([]), StringComparison.Ordinal);
        var large = new byte[ImageFormat.MaxBytes + 1];
        Png.CopyTo(large, 0);
        Assert.Contains("at most 2 MB", ImageFormat.WhyNot(large), StringComparison.Ordinal);
        Assert.Null(ImageFormat.WhyNot(large.AsSpan(0, (int)ImageFormat.MaxBytes)));
    }
}
