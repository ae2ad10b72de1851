namespace Buurtbudget.Server.Live;

/// <summary>
/// Tells the other server nodes which cycles changed here, so their watchers get the news too. With the embedded
/// SQLite store there is one node and nobody to tell; with PostgreSQL it is <see cref="PostgresOtherNodes"/>.
/// </summary>
internal interface IOtherNodes
{
    Task AnnounceAsync(IReadOnlyCollection<(string Neighbourhood, string Cycle)> changed, CancellationToken cancellationToken);
}

internal sealed class NoOtherNodes : IOtherNodes
{
    public Task AnnounceAsync(IReadOnlyCollection<(string Neighbourhood, string Cycle)> changed, CancellationToken cancellationToken) => Task.CompletedTask;
}
