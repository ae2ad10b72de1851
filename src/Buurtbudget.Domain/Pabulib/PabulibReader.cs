using System.Text;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>
/// Reads Pabulib (.pb) files: UTF-8 with or without a byte-order mark, LF or CRLF line endings, quoted
/// fields, blank lines, every vote type. Returns a complete <see cref="PabulibFile"/> or throws a
/// <see cref="PabulibFormatException"/> naming the line; there is no partial result.
/// </summary>
public static class PabulibReader
{
    /// <exception cref="PabulibFormatException">The file breaks the format.</exception>
    public static PabulibFile Read(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Reads UTF-8 from <paramref name="stream"/> to its end; the stream stays open.</summary>
    /// <exception cref="PabulibFormatException">The text breaks the format.</exception>
    public static PabulibFile Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Read(reader);
    }

    /// <exception cref="PabulibFormatException">The text breaks the format.</exception>
    public static PabulibFile Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads a whole .pb text held in memory.</summary>
    /// <exception cref="PabulibFormatException">The text breaks the format.</exception>
    public static PabulibFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new PabulibParser(text).Parse();
    }
}
