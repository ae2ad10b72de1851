using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Deliberation;
using Buurtbudget.Grains.Residence;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.PaperBallots;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.Schedules;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Ledger;

namespace Buurtbudget.Server.Hosting;

internal static class GrainExtensions
{
    /// <summary>The in-process grain runtime (where Orleans' silo would be configured) and its grains.</summary>
    public static void AddGrains(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        IdRouteConstraint.Register(builder);
        builder.Services.AddSingleton(services =>
        {
            var ledger = services.GetRequiredService<IEventLedger>();
            var secrets = services.GetRequiredService<ServerSecrets>();
            var time = services.GetRequiredService<TimeProvider>();
            var options = services.Buurtbudget();
            return new GrainRuntime(services.GetRequiredService<TimeProvider>())
                .AddGrain<INeighbourhoodGrain, NeighbourhoodGrain>(context => new NeighbourhoodGrain(context, ledger, secrets.Ballots))
                .AddGrain<IProposalGrain, ProposalGrain>(context => new ProposalGrain(context, ledger, time, options.CommentFlagsToHide))
                .AddGrain<ICycleProposalsGrain, CycleProposalsGrain>(context => new CycleProposalsGrain(context, ledger))
                .AddGrain<IImportedBallotsGrain, ImportedBallotsGrain>(context => new ImportedBallotsGrain(context, ledger))
                .AddGrain<IVotingCodesGrain, VotingCodesGrain>(context => new VotingCodesGrain(context, ledger, secrets.VotingCodes))
                .AddGrain<IRegisterGrain, RegisterGrain>(context => new RegisterGrain(context, ledger))
                .AddGrain<IDeliberationGrain, DeliberationGrain>(context => new DeliberationGrain(context, ledger, time))
                .AddGrain<IPaperBallotsGrain, PaperBallotsGrain>(context => new PaperBallotsGrain(context, ledger, secrets.Ballots))
                .AddGrain<ICycleEligibilityGrain, CycleEligibilityGrain>(context => new CycleEligibilityGrain(context, ledger))
                .AddGrain<IProviderCyclesGrain, ProviderCyclesGrain>(context => new ProviderCyclesGrain(context, ledger))
                .AddGrain<IScheduleGrain, ScheduleGrain>(context => new ScheduleGrain(context, ledger, time));
        });
        builder.Services.AddSingleton<IGrainFactory>(services => services.GetRequiredService<GrainRuntime>());
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok("live")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/health/ready", Ready).ExcludeFromDescription().AllowAnonymous();
    }

    // Ready means the ledger answers: a read of a stream head is the cheapest real round trip.
    private static async Task<IResult> Ready(IEventLedger ledger, CancellationToken cancellationToken)
    {
        try
        {
            await ledger.ReadHeadAsync("health/ready", cancellationToken);
            return TypedResults.Ok("ready");
        }
        catch (LedgerUnavailableException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The ledger is unavailable");
        }
    }
}
