using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>
/// One pass over a .pb text: META, then PROJECTS, then VOTES. Syntax errors are thrown where they occur;
/// each part is handed to a <see cref="PabulibChecker"/> as soon as it is read, and its findings are mapped
/// back to line numbers. A <see cref="PabulibFile"/> is only built when all is well.
/// </summary>
internal sealed class PabulibParser
{
    private const string Order = "each section appears once, in the order META, PROJECTS, VOTES";

    private readonly PabulibRecordScanner _scanner;
    private readonly PabulibChecker _checker;
    private readonly List<int> _metaLines = [];
    private readonly List<int> _projectLines = [];
    private readonly List<int> _voteLines = [];
    private int _metaLine;
    private int _projectHeaderLine;
    private int _voteHeaderLine;

    public PabulibParser(string text)
    {
        _scanner = new PabulibRecordScanner(text);
        _checker = new PabulibChecker(DescribeRow);
    }

    private int Line => _scanner.Line;

    public PabulibFile Parse()
    {
        if (!_scanner.MoveNext())
        {
            throw Error(1, null, "expected the META section first, but the file is empty");
        }

        if (SectionHere() != PabulibSection.Meta)
        {
            throw Error(Line, null, $"expected the META section first, but found '{Preview()}'");
        }

        _metaLine = Line;
        var meta = ReadMeta();
        ThrowIf(_checker.CheckMeta(meta));

        ExpectSection(PabulibSection.Projects, "META");
        var projectColumns = ReadHeader("PROJECTS", "project_id;cost;...");
        _projectHeaderLine = Line;
        ThrowIf(_checker.CheckProjectColumns(projectColumns));
        var projects = ReadProjects(projectColumns);

        ExpectSection(PabulibSection.Votes, "PROJECTS");
        var voteColumns = ReadHeader("VOTES", "voter_id;vote;...");
        _voteHeaderLine = Line;
        ThrowIf(_checker.CheckVoteColumns(voteColumns));
        var votes = ReadVotes(voteColumns);

        ThrowIf(_checker.Finish());
        return PabulibFile.CreateValidated(meta, projectColumns, projects, voteColumns, votes);
    }

    private ImmutableArray<PabulibMetaEntry> ReadMeta()
    {
        if (!_scanner.MoveNext() || SectionHere() is not null || _scanner.Count != 2
            || !_scanner[0].Trim().Equals("key", StringComparison.OrdinalIgnoreCase)
            || !_scanner[1].Trim().Equals("value", StringComparison.OrdinalIgnoreCase))
        {
            throw Error(Line, null, $"expected the META header 'key;value' after META, but found {PreviewOrEnd()}");
        }

        var meta = ImmutableArray.CreateBuilder<PabulibMetaEntry>();
        while (MoveToRowOf("PROJECTS"))
        {
            if (_scanner.Count != 2)
            {
                throw Error(Line, null,
                    $"a META line has two fields, key;value, but this one has {_scanner.Count} (a value containing ';' must be quoted)");
            }

            meta.Add(new PabulibMetaEntry(_scanner[0].Trim().ToString(), ValueOrNull(1)));
            _metaLines.Add(Line);
        }

        return meta.ToImmutable();
    }

    private ImmutableArray<PabulibProject> ReadProjects(ImmutableArray<string> columns)
    {
        var idIndex = columns.IndexOf(PabulibNames.ProjectId);
        var costIndex = columns.IndexOf(PabulibNames.Cost);
        var fieldIndices = FieldIndices(columns, idIndex, costIndex);
        var projects = ImmutableArray.CreateBuilder<PabulibProject>();
        while (MoveToRowOf("VOTES"))
        {
            CheckWidth(columns);
            var fields = new string?[fieldIndices.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = ValueOrNull(fieldIndices[i]);
            }

            var id = _scanner[idIndex].Trim().ToString();
            var cost = ReadNumber(_scanner[costIndex], PabulibNames.Cost);
            var project = new PabulibProject(id, cost, ImmutableCollectionsMarshal.AsImmutableArray(fields));
            _projectLines.Add(Line);
            ThrowIf(_checker.AddProject(project));
            projects.Add(project);
        }

        return projects.ToImmutable();
    }

    private ImmutableArray<PabulibVote> ReadVotes(ImmutableArray<string> columns)
    {
        var idIndex = columns.IndexOf(PabulibNames.VoterId);
        var voteIndex = columns.IndexOf(PabulibNames.Vote);
        var pointsIndex = columns.IndexOf(PabulibNames.Points);
        var fieldIndices = FieldIndices(columns, idIndex, voteIndex, pointsIndex);
        var pools = fieldIndices.Select(_ => new StringPool()).ToArray();

        var votes = ImmutableArray.CreateBuilder<PabulibVote>();
        while (_scanner.MoveNext())
        {
            if (SectionHere() is { } section)
            {
                throw Error(Line, null, $"found a second {NameOf(section)} section after VOTES; {Order}");
            }

            CheckWidth(columns);
            var voterId = _scanner[idIndex].Trim().ToString();
            var ballot = ReadBallot(_scanner[voteIndex]);
            ImmutableArray<decimal>? points = pointsIndex >= 0 ? ReadPoints(_scanner[pointsIndex]) : null;
            var vote = new PabulibVote(voterId, ballot, points, ReadVoteFields(fieldIndices, pools));
            _voteLines.Add(Line);
            ThrowIf(_checker.AddVote(vote));
            votes.Add(vote);
        }

        return votes.ToImmutable();
    }

    private ImmutableArray<string?> ReadVoteFields(int[] fieldIndices, StringPool[] pools)
    {
        // Most files have no extra vote columns; one shared empty array instead of one per voter.
        if (fieldIndices.Length == 0)
        {
            return [];
        }

        var fields = new string?[fieldIndices.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var text = _scanner[fieldIndices[i]];
            fields[i] = PabulibNames.IsNone(text) ? null : pools[i].Get(text);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(fields);
    }

    private ImmutableArray<string> ReadBallot(ReadOnlySpan<char> text)
    {
        var list = text.Trim();
        if (list.IsEmpty || PabulibNames.IsNone(list))
        {
            return [];
        }

        var ids = new string[list.Count(',') + 1];
        var i = 0;
        foreach (var range in list.Split(','))
        {
            var id = list[range].Trim();
            if (id.IsEmpty)
            {
                throw Error(Line, PabulibNames.Vote, $"vote '{list}' has an empty entry between commas");
            }

            // A known id is the project's own string, not a fresh copy; an unknown one is kept as text
            // for the checker to report.
            ids[i++] = _checker.TryGetProjectId(id, out var known) ? known : id.ToString();
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(ids);
    }

    private ImmutableArray<decimal> ReadPoints(ReadOnlySpan<char> text)
    {
        var list = text.Trim();
        if (list.IsEmpty || PabulibNames.IsNone(list))
        {
            return [];
        }

        var points = new decimal[list.Count(',') + 1];
        var i = 0;
        foreach (var range in list.Split(','))
        {
            var value = list[range].Trim();
            if (!PabulibNumbers.TryParseDecimal(value, out points[i++]))
            {
                throw Error(Line, PabulibNames.Points, $"points value '{value}' is not a number");
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(points);
    }

    private decimal ReadNumber(ReadOnlySpan<char> text, string column)
    {
        if (text.IsWhiteSpace() || PabulibNames.IsNone(text))
        {
            throw Error(Line, column, $"{column} is empty");
        }

        return PabulibNumbers.TryParseDecimal(text, out var value)
            ? value
            : throw Error(Line, column, $"{column} '{text}' is not a number");
    }

    private ImmutableArray<string> ReadHeader(string section, string example)
    {
        if (!_scanner.MoveNext() || SectionHere() is not null)
        {
            throw Error(Line, null, $"expected the {section} header ({example}) after {section}, but found {PreviewOrEnd()}");
        }

        var columns = new string[_scanner.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = _scanner[i].Trim().ToString();
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(columns);
    }

    /// <summary>Moves to the next data row; false when the next section starts, an error when the file ends first.</summary>
    private bool MoveToRowOf(string nextSection)
    {
        if (!_scanner.MoveNext())
        {
            throw Error(Line, null, $"the file ends before the {nextSection} section");
        }

        return SectionHere() is null;
    }

    private void ExpectSection(PabulibSection expected, string previous)
    {
        if (SectionHere() != expected)
        {
            throw Error(Line, null,
                $"expected the {NameOf(expected)} section after {previous}, but found {NameOf(SectionHere()!.Value)}; {Order}");
        }
    }

    private void CheckWidth(ImmutableArray<string> columns)
    {
        if (_scanner.Count != columns.Length)
        {
            throw Error(Line, null,
                $"expected {columns.Length} fields ({string.Join(';', columns)}) but found {_scanner.Count}"
                + (_scanner.Count > columns.Length ? " (a value containing ';' must be quoted)" : ""));
        }
    }

    /// <summary>A section starts on a line holding only its unquoted name (trailing empty fields allowed,
    /// as spreadsheets write them); a quoted <c>"VOTES"</c> is data.</summary>
    private PabulibSection? SectionHere()
    {
        if (_scanner.IsQuoted(0))
        {
            return null;
        }

        for (var i = 1; i < _scanner.Count; i++)
        {
            if (_scanner.IsQuoted(i) || !_scanner[i].IsWhiteSpace())
            {
                return null;
            }
        }

        var name = _scanner[0].Trim();
        return name.Equals("META", StringComparison.OrdinalIgnoreCase) ? PabulibSection.Meta
            : name.Equals("PROJECTS", StringComparison.OrdinalIgnoreCase) ? PabulibSection.Projects
            : name.Equals("VOTES", StringComparison.OrdinalIgnoreCase) ? PabulibSection.Votes
            : null;
    }

    private string? ValueOrNull(int index) => PabulibNames.IsNone(_scanner[index]) ? null : _scanner.Text(index);

    private static int[] FieldIndices(ImmutableArray<string> columns, params ReadOnlySpan<int> special)
    {
        var indices = new List<int>(columns.Length);
        for (var i = 0; i < columns.Length; i++)
        {
            if (!special.Contains(i))
            {
                indices.Add(i);
            }
        }

        return [.. indices];
    }

    private string Preview()
    {
        const int MaxLength = 40;
        var text = _scanner[0];
        return text.Length <= MaxLength ? text.ToString() : string.Concat(text[..MaxLength], "...");
    }

    private string PreviewOrEnd()
    {
        if (_scanner.Count == 0)
        {
            return "the end of the file";
        }

        return SectionHere() is { } section ? $"the {NameOf(section)} section" : $"'{Preview()}'";
    }

    private string DescribeRow(PabulibSection section, int row) => $"line {LineOf(section, row)}";

    private int LineOf(PabulibSection section, int row) => (section, row) switch
    {
        (PabulibSection.Meta, PabulibProblem.WholeSection) => _metaLine,
        (PabulibSection.Meta, _) => _metaLines[row],
        (PabulibSection.Projects, PabulibProblem.WholeSection) => _projectHeaderLine,
        (PabulibSection.Projects, _) => _projectLines[row],
        (_, PabulibProblem.WholeSection) => _voteHeaderLine,
        _ => _voteLines[row],
    };

    private void ThrowIf(PabulibProblem? problem)
    {
        if (problem is not null)
        {
            throw Error(LineOf(problem.Section, problem.Row), problem.Column, problem.Reason);
        }
    }

    private static string NameOf(PabulibSection section) => section.ToString().ToUpperInvariant();

    private static PabulibFormatException Error(int line, string? column, string reason) => new(line, column, reason);
}
