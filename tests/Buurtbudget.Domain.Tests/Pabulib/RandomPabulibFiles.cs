using System.Collections.Immutable;
using System.Globalization;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Domain.Tests.Pabulib;

/// <summary>
/// Generates valid Pabulib files with everything that is hard to write back: semicolons, quotes, commas and
/// line breaks in names, ids that look like numbers or section names, null and empty fields, decimal budgets,
/// costs with a scale, columns in any order, and every vote type.
/// </summary>
internal sealed class RandomPabulibFiles(int seed)
{
    private static readonly string[] s_fragments =
    [
        "a", "Park", "12", "0", ".5", " ", ";", "\"", "\"\"", ",", "\n", "\r\n", "Łódź", "Zürich", "é", "\t",
        "META", "votes", "none", "None", "'", "x y", "BO.OM.63/24", "-", "#",
    ];

    private static readonly string[] s_projectExtraColumns =
        ["name", "category", "votes", "score", "selected", "na;me", "\"quoted\"", "points", "voter_id", "x y"];

    private static readonly string[] s_voteExtraColumns =
        ["age", "sex", "voting_method", "neighborhood", "project_id", "cost", "a;b", "\"q\""];

    private static readonly string[] s_metaKeys =
        ["description", "country", "unit", "instance", "currency", "min_length", "max_sum_points", "comment", "key;with;semicolons", "META"];

    private readonly Random _random = new(seed);

    public PabulibFile Next()
    {
        var voteType = Pick(Enum.GetValues<VoteType>());
        var hasPoints = PabulibVoteTypes.NeedsPoints(voteType) || _random.Next(4) == 0;

        var projectColumns = Columns(["project_id", "cost"], s_projectExtraColumns);
        var projects = new List<PabulibProject>();
        var projectIds = UniqueTexts(_random.Next(0, 12), forId: true);
        foreach (var id in projectIds)
        {
            projects.Add(new PabulibProject(id, RandomDecimal(negative: false), Fields(projectColumns.Length - 2)));
        }

        var voteColumns = Columns(hasPoints ? ["voter_id", "vote", "points"] : ["voter_id", "vote"], s_voteExtraColumns);
        var votes = new List<PabulibVote>();
        foreach (var voterId in UniqueTexts(_random.Next(0, 25), forId: true))
        {
            var ballot = projectIds.OrderBy(_ => _random.Next()).Take(_random.Next(projectIds.Count + 1)).ToList();
            if (!hasPoints && ballot.Count > 0 && _random.Next(10) == 0)
            {
                ballot.Add(ballot[0]);
            }

            ImmutableArray<decimal>? points = hasPoints
                ? [.. ballot.Select(_ => RandomDecimal(negative: voteType != VoteType.Cumulative && _random.Next(3) == 0))]
                : null;
            votes.Add(new PabulibVote(voterId, [.. ballot], points, Fields(voteColumns.Length - (hasPoints ? 3 : 2))));
        }

        var meta = new List<PabulibMetaEntry>
        {
            new("num_projects", projects.Count.ToString(CultureInfo.InvariantCulture)),
            new("num_votes", votes.Count.ToString(CultureInfo.InvariantCulture)),
            new("budget", RandomDecimal(negative: false).ToString(CultureInfo.InvariantCulture)),
            new("vote_type", PabulibVoteTypes.NameOf(voteType)),
        };
        foreach (var key in s_metaKeys.Where(_ => _random.Next(3) == 0))
        {
            meta.Add(new PabulibMetaEntry(key, _random.Next(5) == 0 ? null : Text()));
        }

        return PabulibFile.Create(meta.OrderBy(_ => _random.Next()), projectColumns, projects, voteColumns, votes);
    }

    /// <summary>The special columns, usually first as in real files, sometimes mixed in with the extra ones.</summary>
    private string[] Columns(string[] special, string[] extras)
    {
        var chosen = extras.Where(_ => _random.Next(3) == 0).ToArray();
        return _random.Next(3) == 0
            ? [.. special.Concat(chosen).OrderBy(_ => _random.Next())]
            : [.. special, .. chosen];
    }

    private ImmutableArray<string?> Fields(int count)
    {
        var fields = new string?[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = _random.Next(6) switch
            {
                0 => null,
                1 => "",
                _ => Text(),
            };
        }

        return [.. fields];
    }

    private List<string> UniqueTexts(int count, bool forId)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        while (texts.Count < count)
        {
            var text = _random.Next(2) == 0 ? _random.Next(1000).ToString(CultureInfo.InvariantCulture) : Text();

            // What the format cannot hold in an id: commas (vote separator), outer spaces (trimmed), "none".
            text = text.Replace(",", "", StringComparison.Ordinal).Trim();
            if (forId && text.Length > 0 && !PabulibNames.IsNone(text))
            {
                texts.Add(text);
            }
        }

        return [.. texts];
    }

    /// <summary>Free text; never exactly "none", which the format reserves for "no value".</summary>
    private string Text()
    {
        while (true)
        {
            var text = string.Concat(Enumerable.Range(0, _random.Next(0, 5)).Select(_ => Pick(s_fragments)));
            if (!PabulibNames.IsNone(text))
            {
                return text;
            }
        }
    }

    private decimal RandomDecimal(bool negative) =>
        new(_random.Next(0, int.MaxValue), _random.Next(3) == 0 ? _random.Next(1000) : 0, 0, negative, (byte)_random.Next(0, 4));

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
