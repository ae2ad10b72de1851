using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Domain.Tests.Pabulib;

/// <summary>Small .pb texts for the unit tests, and edits by line number so error tests can name the line.</summary>
internal static class PbSamples
{
    /// <summary>Line numbers: 1 META, 3-8 meta entries (4 num_projects, 5 num_votes, 6 budget, 7 vote_type),
    /// 9 PROJECTS, 10 header, 11-13 projects, 14 VOTES, 15 header, 16-18 votes.</summary>
    public const string Approval = """
        META
        key;value
        description;Speeltuinen in Oost
        num_projects;3
        num_votes;3
        budget;1000.50
        vote_type;approval
        currency;EUR
        PROJECTS
        project_id;cost;name;category
        1;400;Park;groen
        2;500.0;Bench;none
        3;300;"Trees; many";
        VOTES
        voter_id;vote;age
        a;1,2;34
        b;3;none
        c;;51
        """;

    /// <summary>Same layout as <see cref="Approval"/>: votes on lines 16-18, points aligned with vote.</summary>
    public const string Cumulative = """
        META
        key;value
        description;Punten verdelen
        num_projects;3
        num_votes;3
        budget;1000
        vote_type;cumulative
        max_sum_points;10
        PROJECTS
        project_id;cost;name;category
        1;400;Park;groen
        2;500;Bench;none
        3;300;Trees;groen
        VOTES
        voter_id;vote;points
        a;3,1;7,3
        b;2;10
        c;;
        """;

    public const string Ordinal = """
        META
        key;value
        num_projects;3
        num_votes;2
        budget;900
        vote_type;ordinal
        PROJECTS
        project_id;cost
        x;400
        y;500
        z;300
        VOTES
        voter_id;vote
        1;z,x,y
        2;y
        """;

    public static PabulibFile Read(string text) => PabulibReader.Parse(text);

    public static string[] Lines(string text) => text.Split('\n');

    public static string Join(IEnumerable<string> lines) => string.Join('\n', lines);

    /// <summary>The text with line <paramref name="line"/> (1-based) replaced.</summary>
    public static string WithLine(string text, int line, string replacement)
    {
        var lines = Lines(text);
        lines[line - 1] = replacement;
        return Join(lines);
    }

    /// <summary>The text with <paramref name="inserted"/> placed before line <paramref name="line"/> (1-based).</summary>
    public static string WithLineBefore(string text, int line, string inserted)
    {
        var lines = Lines(text).ToList();
        lines.Insert(line - 1, inserted);
        return Join(lines);
    }

    public static string WithoutLine(string text, int line)
    {
        var lines = Lines(text).ToList();
        lines.RemoveAt(line - 1);
        return Join(lines);
    }

    public static string WithCrLf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);
}
