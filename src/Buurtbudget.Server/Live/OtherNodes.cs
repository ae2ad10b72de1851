namespace Buurtbudget.Server.Live;

/// <summary>
/// Tells the other server nodes which cycles changed here, so their watchers get the news too. With the embedded
/// SQLite store there is one node and nobody to tell; with PostgreSQL it is <see cref="PostgresOtherNodes"/>.
/// </summary>
internal interface IOtherNodes
{
    /// <param name="changed">Cycles whose phase or ballots changed here.</param>
    /// <param name="proposalsChanged">Cycles one of whose proposals changed here.</param>
    Task AnnounceAsync(IReadOnlyCollection<(string Neighbourhood, string Cycle)> changed,
        IReadOnlyCollection<(string Neighbourhood, string Cycle)> proposalsChanged, CancellationToken cancellationToken);
}

internal sealed class NoOtherNodes : IOtherNodes
{
    public Task AnnounceAsync(IReadOnlyCollection<(string Neighbourhood, string Cycle)> changed,
        IReadOnlyCollection<(string Neighbourhood, string Cycle)> proposalsChanged, CancellationToken cancellationToken) => Task.CompletedTask;
}
