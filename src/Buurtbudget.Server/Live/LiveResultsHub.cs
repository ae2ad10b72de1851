using Buurtbudget.Grains.Neighbourhoods;
using Microsoft.AspNetCore.SignalR;

namespace Buurtbudget.Server.Live;

/// <summary>
/// Server to client only: a watcher names the cycle in the connection's query string
/// (<c>?neighbourhood=oost&amp;cycle=2026</c>) and is put in that cycle's group. There are no methods to call and
/// no business logic here; updates come from <see cref="LiveResultsPublisher"/>.
/// </summary>
internal sealed class LiveResultsHub(LiveResultsPublisher publisher) : Hub<ILiveResultsClient>
{
    public override async Task OnConnectedAsync()
    {
        var query = Context.GetHttpContext()?.Request.Query;
        string? neighbourhood = query?["neighbourhood"], cycle = query?["cycle"];
        if (!BudgetIds.IsValid(neighbourhood) || !BudgetIds.IsValid(cycle))
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveResultsPublisher.Group(neighbourhood, cycle));
        // A new watcher gets the current state at once instead of waiting for the next ballot.
        if (await publisher.CurrentAsync(neighbourhood, cycle) is { } current)
        {
            await Clients.Caller.CycleUpdated(current);
        }
        await base.OnConnectedAsync();
    }
}
