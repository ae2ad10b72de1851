using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>
/// Decides between projects that a rule finds exactly equal. Rules use exact arithmetic, so ties are real
/// (two projects with the same votes and cost happen in every neighbourhood) and the order must be published
/// before the vote.
/// </summary>
public abstract record TieBreak
{
    /// <summary>
    /// Buurtbudget's default: more supporters first (the project more residents asked for),
    /// then the cheaper one (it leaves more money for others), then the project id as an ordinal string
    /// (a public, boring, reproducible last resort).
    /// </summary>
    public static TieBreak Default { get; } = new MostSupportThenCheapest();

    /// <summary>Like pabutools, the reference implementation: the smallest project id as an ordinal string
    /// ("10" before "9"). Use it to compare results with Pabulib.</summary>
    public static TieBreak Pabutools { get; } = new ById();

    /// <summary>A fixed priority list, e.g. drawn by lot in public before voting opened. Projects not listed
    /// come after listed ones, by id.</summary>
    public static TieBreak FixedOrder(IEnumerable<string> projectIds) => new Fixed([.. projectIds]);

    public abstract string Name { get; }

    /// <summary>Rank of every project (0 = preferred in a tie); all ranks distinct.</summary>
    internal abstract int[] Ranks(SupportProfile profile);

    private protected static int[] RanksFromOrder(int[] order)
    {
        var ranks = new int[order.Length];
        for (var position = 0; position < order.Length; position++)
        {
            ranks[order[position]] = position;
        }

        return ranks;
    }

    private protected static int CompareIds(SupportProfile profile, int a, int b) =>
        string.CompareOrdinal(profile.Election.Projects[a].Id, profile.Election.Projects[b].Id);

    private sealed record ById : TieBreak
    {
        public override string Name => "pabutools";

        internal override int[] Ranks(SupportProfile profile)
        {
            var order = Enumerable.Range(0, profile.ProjectCount).ToArray();
            Array.Sort(order, (a, b) => CompareIds(profile, a, b));
            return RanksFromOrder(order);
        }
    }

    private sealed record MostSupportThenCheapest : TieBreak
    {
        public override string Name => "default";

        internal override int[] Ranks(SupportProfile profile)
        {
            var order = Enumerable.Range(0, profile.ProjectCount).ToArray();
            Array.Sort(order, (a, b) =>
            {
                var bySupport = profile.Scores[b].CompareTo(profile.Scores[a]);
                if (bySupport != 0)
                {
                    return bySupport;
                }

                var byCost = profile.Costs[a].CompareTo(profile.Costs[b]);
                return byCost != 0 ? byCost : CompareIds(profile, a, b);
            });
            return RanksFromOrder(order);
        }
    }

    private sealed record Fixed(string[] Order) : TieBreak
    {
        public override string Name => "fixed";

        internal override int[] Ranks(SupportProfile profile)
        {
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Order.Length; i++)
            {
                position.TryAdd(Order[i], i);
            }

            var order = Enumerable.Range(0, profile.ProjectCount).ToArray();
            Array.Sort(order, (a, b) =>
            {
                var pa = position.GetValueOrDefault(profile.Election.Projects[a].Id, int.MaxValue);
                var pb = position.GetValueOrDefault(profile.Election.Projects[b].Id, int.MaxValue);
                return pa != pb ? pa.CompareTo(pb) : CompareIds(profile, a, b);
            });
            return RanksFromOrder(order);
        }
    }
}
