using System.Buffers;
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
            WriteRow(writer, [entry.Key, entry.Value]);
        }

        writer.Write("PROJECTS\n");
        WriteRow(writer, file.ProjectColumns.AsSpan()!);
        var row = new string?[file.ProjectColumns.Length];
        foreach (var project in file.Projects)
        {
            var next = 0;
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = file.ProjectColumns[c] switch
                {
                    PabulibNames.ProjectId => project.Id,
                    PabulibNames.Cost => PabulibNumbers.Format(project.Cost),
                    _ => project.Fields[next++],
                };
            }

            WriteRow(writer, row);
        }

        writer.Write("VOTES\n");
        WriteRow(writer, file.VoteColumns.AsSpan()!);
        row = new string?[file.VoteColumns.Length];
        foreach (var vote in file.Votes)
        {
            var next = 0;
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = file.VoteColumns[c] switch
                {
                    PabulibNames.VoterId => vote.VoterId,
                    PabulibNames.Vote => string.Join(',', vote.ProjectIds),
                    PabulibNames.Points => string.Join(',', vote.Points!.Value.Select(PabulibNumbers.Format)),
                    _ => vote.Fields[next++],
                };
            }

            WriteRow(writer, row);
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
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(file, writer);
        return writer.ToString();
    }

    private static void WriteRow(TextWriter writer, ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(';');
            }

            WriteField(writer, fields[i]);
        }

        writer.Write('\n');
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
