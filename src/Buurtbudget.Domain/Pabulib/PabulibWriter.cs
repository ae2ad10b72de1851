using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>
/// Writes a <see cref="PabulibFile"/> as .pb text that <see cref="PabulibReader"/> reads back to an equal file:
/// UTF-8 without byte-order mark, LF line endings, invariant numbers, <c>none</c> for null, and quotes only
/// around fields that need them (as Python's csv module does, so pabutools reads the output too).
/// </summary>
public static class PabulibWriter
{
    private static readonly SearchValues<char> s_needsQuotes = SearchValues.Create(";\"\r\n");

    public static void Write(PabulibFile file, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(writer);

        writer.Write("META\nkey;value\n");
        foreach (var entry in file.Meta)
        {
            WriteField(writer, entry.Key);
            writer.Write(';');
            WriteField(writer, entry.Value);
            writer.Write('\n');
        }

        writer.Write("PROJECTS\n");
        WriteHeader(writer, file.ProjectColumns);
        foreach (var project in file.Projects)
        {
            var next = 0;
            for (var c = 0; c < file.ProjectColumns.Length; c++)
            {
                WriteSeparator(writer, c);
                switch (file.ProjectColumns[c])
                {
                    case PabulibNames.ProjectId:
                        WriteField(writer, project.Id);
                        break;
                    case PabulibNames.Cost:
                        WriteNumber(writer, project.Cost);
                        break;
                    default:
                        WriteField(writer, project.Fields[next++]);
                        break;
                }
            }

            writer.Write('\n');
        }

        writer.Write("VOTES\n");
        WriteHeader(writer, file.VoteColumns);
        foreach (var vote in file.Votes)
        {
            var next = 0;
            for (var c = 0; c < file.VoteColumns.Length; c++)
            {
                WriteSeparator(writer, c);
                switch (file.VoteColumns[c])
                {
                    case PabulibNames.VoterId:
                        WriteField(writer, vote.VoterId);
                        break;
                    case PabulibNames.Vote:
                        WriteProjectIds(writer, vote.ProjectIds);
                        break;
                    case PabulibNames.Points:
                        WritePoints(writer, vote.Points!.Value);
                        break;
                    default:
                        WriteField(writer, vote.Fields[next++]);
                        break;
                }
            }

            writer.Write('\n');
        }
    }

    /// <summary>Writes to <paramref name="path"/> as UTF-8 without byte-order mark, replacing any existing file.</summary>
    public static void Write(PabulibFile file, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(file, writer);
    }

    public static string WriteToString(PabulibFile file)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(file, writer);
        return writer.ToString();
    }

    private static void WriteHeader(TextWriter writer, ImmutableArray<string> columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            WriteSeparator(writer, c);
            WriteField(writer, columns[c]);
        }

        writer.Write('\n');
    }

    private static void WriteSeparator(TextWriter writer, int column)
    {
        if (column > 0)
        {
            writer.Write(';');
        }
    }

    /// <summary>Ids are written one by one; only when one of them needs quoting is the whole list quoted.</summary>
    private static void WriteProjectIds(TextWriter writer, ImmutableArray<string> ids)
    {
        foreach (var id in ids)
        {
            if (NeedsQuotes(id))
            {
                WriteField(writer, string.Join(',', ids));
                return;
            }
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(ids[i]);
        }
    }

    private static void WritePoints(TextWriter writer, ImmutableArray<decimal> points)
    {
        for (var i = 0; i < points.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteNumber(writer, points[i]);
        }
    }

    /// <summary>Formats into a stack buffer with the invariant culture, whatever culture the writer has.</summary>
    private static void WriteNumber(TextWriter writer, decimal value)
    {
        Span<char> buffer = stackalloc char[64];
        if (!value.TryFormat(buffer, out var length, default, CultureInfo.InvariantCulture))
        {
            writer.Write(PabulibNumbers.Format(value));
            return;
        }

        writer.Write(buffer[..length]);
    }

    private static void WriteField(TextWriter writer, string? value)
    {
        if (value is null)
        {
            writer.Write(PabulibNames.None);
        }
        else if (NeedsQuotes(value))
        {
            writer.Write('"');
            writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        else
        {
            writer.Write(value);
        }
    }

    /// <summary>Besides the characters CSV needs quoted, a field reading META, PROJECTS or VOTES is quoted
    /// so that a row with it can never be mistaken for the start of a section.</summary>
    private static bool NeedsQuotes(string value)
    {
        if (value.AsSpan().ContainsAny(s_needsQuotes))
        {
            return true;
        }

        var trimmed = value.AsSpan().Trim();
        return trimmed.Equals("META", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("PROJECTS", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("VOTES", StringComparison.OrdinalIgnoreCase);
    }
}
