using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;
using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Sqlite;
using Npgsql;

// Usage: (--sqlite FILE | --postgres CONNECTION) --secret HEX
// stdin:  "setup N"                 -> creates cycle "storm", opens voting, enrolls voter-0 … voter-(N-1); prints "ready"
//         "cast I KEY P1,P2,…"      -> prints "ok I POSITION HASH" once durable, or "err I KIND MESSAGE"
string? sqlite = null, postgres = null, secret = null;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--sqlite": sqlite = args[i + 1]; break;
        case "--postgres": postgres = args[i + 1]; break;
        case "--secret": secret = args[i + 1]; break;
    }
}
if ((sqlite is null) == (postgres is null) || secret is null)
{
    Console.Error.WriteLine("usage: (--sqlite FILE | --postgres CONNECTION) --secret HEX");
    return 2;
}

NpgsqlDataSource? dataSource = postgres is null ? null : NpgsqlDataSource.Create(postgres);
IEventLedger ledger = sqlite is not null ? SqliteEventLedger.Open(sqlite) : new PostgresEventLedger(dataSource!);
var secrecy = new BallotSecrecy(Convert.FromHexString(secret));
await using var runtime = new GrainRuntime(TimeProvider.System)
    .AddGrain<INeighbourhoodGrain, NeighbourhoodGrain>(context => new NeighbourhoodGrain(context, ledger, secrecy, snapshotEvery: 500));
var neighbourhood = runtime.GetGrain<INeighbourhoodGrain>("storm");
var output = Console.Out;
var outputLock = new Lock();
void Say(string line)
{
    lock (outputLock)
    {
        output.WriteLine(line);
        output.Flush();
    }
}

var inFlight = new List<Task>();
while (Console.In.ReadLine() is { } line)
{
    var parts = line.Split(' ', 4);
    switch (parts[0])
    {
        case "setup":
            await Setup(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            Say("ready");
            break;
        case "cast":
            inFlight.Add(Cast(parts[1], parts[2], parts[3].Split(',')));
            break;
    }
}
await Task.WhenAll(inFlight);
return 0;

async Task Setup(int voters)
{
    try
    {
        await neighbourhood.CreateBudgetCycleAsync(new CreateBudgetCycle("storm", "Ballot storm", 2_000_000));
        await neighbourhood.OpenVotingAsync(new OpenVoting("storm",
            [new("a", "A", 500_000), new("b", "B", 700_000), new("c", "C", 900_000), new("d", "D", 300_000)],
            new BallotDescription(BallotKind.Approval, 1, 4), new RuleChoice(RuleKind.EqualShares), RevotePolicy.LastBallotCounts, Eligibility.Census));
    }
    catch (BudgetCycleException exception) when (exception.Problem is CycleProblem.CycleAlreadyExists or CycleProblem.WrongPhase)
    {
        // Set up by an earlier life of this process.
    }
    await neighbourhood.EnrollVotersAsync(new EnrollVoters("storm", [.. Enumerable.Range(0, voters).Select(v => $"voter-{v}")]));
}

async Task Cast(string voter, string key, string[] projects)
{
    try
    {
        var result = await neighbourhood.CastBallotAsync(new CastBallotRequest("storm", $"voter-{voter}", key, CastBallot.OfMarks(projects)));
        Say($"ok {voter} {result.Receipt.Position} {result.Receipt.EntryHash}");
    }
    catch (Exception exception)
    {
        Say($"err {voter} {exception.GetType().Name} {exception.Message.ReplaceLineEndings(" ")}");
    }
}
