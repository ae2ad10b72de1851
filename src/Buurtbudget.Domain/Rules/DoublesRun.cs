using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>A run of <see cref="EqualSharesInDoubles"/>: what it bought, and for every round an upper bound of the exact
/// price, which is all a later proof needs (see <see cref="EqualSharesInDoubles.TryConfirm"/>).</summary>
/// <param name="Selected">Free projects first, then the rounds' purchases in order.</param>
/// <param name="AllRich">Per round: nobody paid all they had, so the exact price is the project's cost over its total
/// utility, at this endowment and every larger one (ties with such prices are decided exactly).</param>
/// <param name="Proven">For a run made by TryConfirm: every endowment from the earlier run's up to this one buys the same.</param>
/// <param name="Endowment">The endowment, rounded down to a double (used only for how far a later one is).</param>
/// <param name="Evidence">What the run proved about projects that lost a round without being priced.</param>
internal sealed record DoublesRun(List<int> Selected, List<int> Rounds, List<double> PriceCeilings, List<bool> AllRich,
    bool Proven, Rational Endowment, DearerEvidence Evidence)
{
    /// <summary>Per round priced by water-filling (empty when the exact engine made the run): a lower bound of the
    /// exact price and a lower bound of the utility of the supporters who paid the price (not all they had). A later
    /// run with the same purchases before that round starts water-filling from the floor these give (see
    /// EqualSharesInDoubles.Execution.Follow), which usually finds the split in one pass.</summary>
    public List<(double Low, double PayerUtility)> PriceFloors { get; init; } = [];
}

/// <summary>
/// Per round, the projects a run showed to be dearer than a trial price x without pricing them, each with a proven
/// shortfall s: in that round its supporters would pay at most its cost − s at price x. A later run with a larger
/// endowment that bought the same projects before that round can reuse it: every voter has at least as much money
/// there, but all of them together exactly n·(difference) more (the same projects cost the same), and each at most the
/// difference plus what their payments fell by, so those supporters pay at most cost − s + the smaller of those two
/// gains at x. While that is still short of the cost, x is a lower bound of the project's price there, for that round
/// and the rest of the run (prices only rise within a run), without a pass over its supporters.
/// </summary>
internal sealed class DearerEvidence
{
    public static DearerEvidence None { get; } = new();

    private readonly List<int> _roundStart = [0];

    public List<int> Projects { get; } = [];

    public List<double> Prices { get; } = [];

    public List<double> Shortfalls { get; } = [];

    public int Rounds => _roundStart.Count - 1;

    /// <summary>Projects the run found unaffordable, in the order found, each with the round (0-based) and a proven
    /// shortfall: from that round on, all their supporters' money was at least this much short of the cost. A later run
    /// that bought the same projects up to that round drops them without a pass while the shortfall exceeds what the
    /// supporters can have gained (the same gain as above); at the end of Mokotów's runs ~30 projects are dropped so.</summary>
    public List<(int Project, int Round, double Shortfall)> Drops { get; } = [];

    public void Add(int project, double price, double shortfall)
    {
        Projects.Add(project);
        Prices.Add(price);
        Shortfalls.Add(shortfall);
    }

    /// <summary>Closes the current round's list.</summary>
    public void EndRound() => _roundStart.Add(Projects.Count);

    /// <summary>Entries of round <paramref name="round"/> (0-based): [from, to).</summary>
    public (int From, int To) Round(int round) =>
        round < Rounds ? (_roundStart[round], _roundStart[round + 1]) : (0, 0);
}
