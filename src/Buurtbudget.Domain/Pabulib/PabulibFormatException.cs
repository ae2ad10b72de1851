namespace Buurtbudget.Domain.Pabulib;

/// <summary>A .pb text that does not follow the format. The message reads
/// <c>line 57: cost '12a' is not a number</c>, so it can be shown to the person who supplied the file.</summary>
public sealed class PabulibFormatException : FormatException
{
    public PabulibFormatException(int lineNumber, string? column, string reason)
        : base($"line {lineNumber}: {reason}")
    {
        LineNumber = lineNumber;
        Column = column;
        Reason = reason;
    }

    /// <summary>The 1-based line where the problem is (the first line of a record that spans lines).</summary>
    public int LineNumber { get; }

    /// <summary>The column (or meta key) the problem is in, when it is about one field.</summary>
    public string? Column { get; }

    /// <summary>What is wrong, in plain words, without the line number.</summary>
    public string Reason { get; }
}
