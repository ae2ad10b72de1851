using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Deliberation;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.PaperBallots;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;
using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Grains.Tests;

/// <summary>One server node as far as grains go: a grain runtime hosting neighbourhood and proposal grains on a real ledger.</summary>
internal sealed class ServerNode : IAsyncDisposable
{
    private readonly IAsyncDisposable _ledgerLifetime;
    private readonly NpgsqlDataSource? _dataSource;

    private ServerNode(IEventLedger ledger, IAsyncDisposable ledgerLifetime, BallotSecrecy secrecy, int snapshotEvery, NpgsqlDataSource? dataSource = null)
    {
        Ledger = ledger;
        _ledgerLifetime = ledgerLifetime;
        _dataSource = dataSource;
        Runtime = new GrainRuntime(TimeProvider.System, new GrainRuntimeOptions { CollectionPeriod = Timeout.InfiniteTimeSpan })
            .AddGrain<INeighbourhoodGrain, NeighbourhoodGrain>(context => new NeighbourhoodGrain(context, ledger, secrecy, snapshotEvery))
            .AddGrain<IProposalGrain, ProposalGrain>(context => new ProposalGrain(context, ledger))
                .AddGrain<ICycleProposalsGrain, CycleProposalsGrain>(context => new CycleProposalsGrain(context, ledger))
            .AddGrain<IVotingCodesGrain, VotingCodesGrain>(context => new VotingCodesGrain(context, ledger, CodeHasher))
            .AddGrain<IRegisterGrain, RegisterGrain>(context => new RegisterGrain(context, ledger))
                .AddGrain<IDeliberationGrain, DeliberationGrain>(context => new DeliberationGrain(context, ledger, TimeProvider.System))
                .AddGrain<IPaperBallotsGrain, PaperBallotsGrain>(context => new PaperBallotsGrain(context, ledger, secrecy))
                .AddGrain<Residence.ICycleEligibilityGrain, Residence.CycleEligibilityGrain>(context => new Residence.CycleEligibilityGrain(context, ledger));
    }

    public IEventLedger Ledger { get; }

    public GrainRuntime Runtime { get; }

    public static ServerNode OnSqlite(string file, BallotSecrecy secrecy, int snapshotEvery = 10_000)
    {
        var ledger = SqliteEventLedger.Open(file);
        return new ServerNode(ledger, ledger, secrecy, snapshotEvery);
    }

    public static async Task<ServerNode> OnPostgresAsync(PostgresDatabase database, BallotSecrecy secrecy, int snapshotEvery = 10_000)
    {
        await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);
        var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        var ledger = new PostgresEventLedger(dataSource);
        return new ServerNode(ledger, ledger, secrecy, snapshotEvery, dataSource);
    }

    public INeighbourhoodGrain Neighbourhood(string id) => Runtime.GetGrain<INeighbourhoodGrain>(id);

    public IProposalGrain Proposal(string id) => Runtime.GetGrain<IProposalGrain>(id);

    public IVotingCodesGrain Codes(string neighbourhoodId) => Runtime.GetGrain<IVotingCodesGrain>(neighbourhoodId);

    public IRegisterGrain Register => Runtime.GetGrain<IRegisterGrain>(RegisterGrain.Key);

    public static VotingCodeHasher CodeHasher { get; } = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _ledgerLifetime.DisposeAsync();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
