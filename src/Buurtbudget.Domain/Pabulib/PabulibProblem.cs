namespace Buurtbudget.Domain.Pabulib;

internal enum PabulibSection
{
    Meta,
    Projects,
    Votes,
}

/// <summary>A rule of the format that some part of a file breaks. The reader turns it into a
/// <see cref="PabulibFormatException"/> with a line number, <see cref="PabulibFile.Create"/> into an
/// <see cref="ArgumentException"/>; that way both apply the very same rules.</summary>
/// <param name="Row">Index of the row within its section, or <see cref="WholeSection"/> for the header or the section as a whole.</param>
internal sealed record PabulibProblem(PabulibSection Section, int Row, string? Column, string Reason)
{
    public const int WholeSection = -1;
}

/// <summary>Says where a row is ("line 12", "project 3"), to point at an earlier row in a message.</summary>
internal delegate string RowDescriber(PabulibSection section, int row);
