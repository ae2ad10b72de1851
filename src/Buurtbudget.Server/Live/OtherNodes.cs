namespace Buurtbudget.Server.Live;

/// <summary>
/// Tells the other server nodes which cycles changed here, so their watchers get the news too, and which sessions
/// ended here, so they stop honouring them. With the embedded SQLite store there is one node and nobody to tell;
/// with PostgreSQL it is <see cref="PostgresOtherNodes"/>.
/// </summary>
internal interface IOtherNodes
{
    /// <param name="changed">Cycles whose phase or ballots changed here.</param>
    /// <param name="proposalsChanged">Cycles one of whose proposals changed here.</param>
    Task AnnounceAsync(IReadOnlyCollection<(string Neighbourhood, string Cycle)> changed,
        IReadOnlyCollection<(string Neighbourhood, string Cycle)> proposalsChanged, CancellationToken cancellationToken);

    /// <summary>Sessions ended here (see <see cref="Sessions.SessionGuard.Heard"/> for the notice).</summary>
    Task SessionsEndedAsync(string notice, CancellationToken cancellationToken);
}

internal sealed class NoOtherNodes : IOtherNodes
{
    public Task AnnounceAsync(IReadOnlyCollection<(string Neighbourhood, string Cycle)> changed,
        IReadOnlyCollection<(string Neighbourhood, string Cycle)> proposalsChanged, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SessionsEndedAsync(string notice, CancellationToken cancellationToken) => Task.CompletedTask;
}
