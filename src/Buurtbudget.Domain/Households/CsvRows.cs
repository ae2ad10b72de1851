using System.Collections.Immutable;
using System.Text;

namespace Buurtbudget.Domain.Households;

/// <summary>RFC 4180 rows with the line each starts on; a quoted field may span lines, which the line numbers follow.</summary>
internal static class CsvRows
{
    public static List<(int Line, ImmutableArray<string> Fields)> Read(string text, char separator, List<AddressListProblem> problems)
    {
        var rows = new List<(int, ImmutableArray<string>)>();
        var fields = ImmutableArray.CreateBuilder<string>();
        var field = new StringBuilder();
        int line = 1, rowLine = 1, i = 0;
        bool quoted = false, wasQuoted = false, rowHasContent = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }
                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.ToString().Trim().Length == 0 && !wasQuoted)
            {
                field.Clear();
                quoted = wasQuoted = rowHasContent = true;
            }
            else if (c == '"')
            {
                problems.Add(new(line, "A quote (\") inside a field must be doubled (\"\") and the field put in quotes."));
                return rows;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
                rowHasContent = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                EndRow();
                line++;
                rowLine = line;
            }
            else if (wasQuoted && !char.IsWhiteSpace(c))
            {
                problems.Add(new(line, $"Text follows a closing quote; expected '{(separator == '\t' ? "tab" : separator.ToString())}' or the end of the line."));
                return rows;
            }
            else
            {
                field.Append(c);
                rowHasContent = true;
            }
            i++;
        }
        if (quoted)
        {
            problems.Add(new(rowLine, "A quoted field is never closed: a closing quote (\") is missing."));
            return rows;
        }
        EndRow();
        return rows;

        void EndRow()
        {
            if (rowHasContent || field.Length > 0)
            {
                fields.Add(field.ToString());
                rows.Add((rowLine, fields.ToImmutable()));
            }
            fields.Clear();
            field.Clear();
            wasQuoted = false;
            rowHasContent = false;
        }
    }
}
