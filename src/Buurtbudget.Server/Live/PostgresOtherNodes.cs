using Buurtbudget.Server.Hosting;
using Npgsql;

namespace Buurtbudget.Server.Live;

/// <summary>
/// Cross-node change notices over PostgreSQL <c>LISTEN/NOTIFY</c> (the agreed substitute for a message bus): one
/// <c>NOTIFY</c> per changed cycle per publishing interval, carrying the sending node's id and the cycle, never
/// any result: <c>{node} {neighbourhood}/{cycle}</c> when its phase or ballots changed, with <c>/proposals</c> after
/// it when one of its proposals did. A node that hears of a change catches its grains up from the ledger and pushes to
/// its own watchers, so the numbers and proposals always come from the ledger, not from the message.
/// </summary>
internal sealed partial class PostgresOtherNodes(IServiceProvider services, LiveResultsPublisher publisher, ILogger<PostgresOtherNodes> logger)
    : BackgroundService, IOtherNodes
{
    public const string Channel = "buurtbudget_live";

    /// <summary>Ended sessions: a digest of the session or of its holder, never the session id.</summary>
    public const string SessionsChannel = "buurtbudget_sessions";

    /// <summary>This process; notices it sent itself are ignored.</summary>
    private readonly string _node = Guid.NewGuid().ToString("N");

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node hears other nodes' notices (for start-up checks and tests).</summary>
    public Task Listening => _listening.Task;

    public const string ProposalsSuffix = "/proposals";

    public async Task AnnounceAsync(IReadOnlyCollection<(string Neighbourhood, string Cycle)> changed,
        IReadOnlyCollection<(string Neighbourhood, string Cycle)> proposalsChanged, CancellationToken cancellationToken)
    {
        if (changed.Count == 0 && proposalsChanged.Count == 0)
        {
            return;
        }
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"SELECT pg_notify('{Channel}', notice) FROM unnest($1::text[]) AS notice");
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = changed.Select(c => $"{_node} {c.Neighbourhood}/{c.Cycle}")
                .Concat(proposalsChanged.Select(c => $"{_node} {c.Neighbourhood}/{c.Cycle}{ProposalsSuffix}")).ToArray(),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SessionsEndedAsync(string notice, CancellationToken cancellationToken)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"SELECT pg_notify('{SessionsChannel}', $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = $"{_node} {notice}" });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.Buurtbudget().Postgres is null)
        {
            return; // one node on SQLite: nobody else to hear from
        }
        var retry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own connection, outside the pool: it is held for as long as the node runs, and closing it on
                // stop must really close it rather than park a LISTENing session in the pool (Bug_002).
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(services.Buurtbudget().Postgres!.ConnectionString) { Pooling = false }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notice) =>
                {
                    if (notice.Channel == SessionsChannel)
                    {
                        HeardSessionsEnded(notice.Payload);
                    }
                    else
                    {
                        Heard(notice.Payload);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {SessionsChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                _listening.TrySetResult();
                retry = TimeSpan.FromSeconds(1);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                // Notices sent while this node was not listening are lost; the next change to the cycle brings its
                // watchers up to date again, an ended session is read again within Sessions:CacheFor, and nothing
                // durable depends on a notice.
                LogListenFailed(logger, exception, retry.TotalSeconds);
                await Task.Delay(retry, stoppingToken);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private void Heard(string payload)
    {
        int space = payload.IndexOf(' ', StringComparison.Ordinal), slash = payload.IndexOf('/', StringComparison.Ordinal);
        if (space <= 0 || slash <= space || payload[..space] == _node)
        {
            return;
        }
        string neighbourhood = payload[(space + 1)..slash], cycle = payload[(slash + 1)..];
        if (cycle.EndsWith(ProposalsSuffix, StringComparison.Ordinal))
        {
            publisher.ProposalsChangedElsewhere(neighbourhood, cycle[..^ProposalsSuffix.Length]);
        }
        else
        {
            publisher.ChangedElsewhere(neighbourhood, cycle);
        }
    }

    private void HeardSessionsEnded(string payload)
    {
        int space = payload.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && payload[..space] != _node)
        {
            services.GetRequiredService<Sessions.SessionGuard>().Heard(payload[(space + 1)..]);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Not listening for other nodes' changes; retrying in {Seconds} s")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, double seconds);
}
