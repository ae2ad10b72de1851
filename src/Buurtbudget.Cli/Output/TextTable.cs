namespace Buurtbudget.Cli.Output;

/// <summary>A plain-text table with aligned columns (numbers right, text left), for terminals and logs.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <param name="columns">Header and alignment of each column.</param>
    public TextTable(params (string Header, bool RightAligned)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _headers = [.. columns.Select(c => c.Header)];
        _rightAligned = [.. columns.Select(c => c.RightAligned)];
    }

    public void AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row needs {_headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var widths = new int[_headers.Length];
        foreach (var row in _rows.Prepend(_headers))
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        WriteRow(writer, _headers, widths);
        WriteRow(writer, [.. widths.Select(w => new string('-', w))], widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var padded = new string[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            padded[c] = _rightAligned[c] ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]);
        }

        writer.WriteLine(string.Join("  ", padded).TrimEnd());
    }
}
