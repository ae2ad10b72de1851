namespace Buurtbudget.Server.Sessions;

/// <summary>Deletes ended sessions' rows regularly, so the table holds only sessions that could still be used.</summary>
internal sealed partial class SessionPurge(SessionGuard guard, TimeProvider time, ILogger<SessionPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await guard.PurgeAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Nothing depends on the purge: an expired row is refused whether or not it is still there.
                LogPurgeFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not delete expired sessions; trying again in five minutes")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
