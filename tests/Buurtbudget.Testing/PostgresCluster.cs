using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit;

namespace Buurtbudget.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster owned by the tests: its own data folder under /tmp, listening only on
/// 127.0.0.1 on a free port (its unix socket stays in its folder), fsync on, started with <c>pg_ctl</c> and
/// stopped by its postmaster PID on dispose. Nothing outside its folder is touched.
/// </summary>
/// <remarks>
/// Use it as an xunit collection fixture so one cluster (about a second to create) serves every test of an
/// assembly: declare <c>[CollectionDefinition("postgres")] public sealed class PostgresCollection :
/// ICollectionFixture&lt;PostgresCluster&gt;;</c> in the test project and put <c>[Collection("postgres")]</c> on
/// the test classes; give each test class its own database with <see cref="CreateDatabaseAsync"/>.
/// </remarks>
public sealed partial class PostgresCluster : IAsyncLifetime, IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly string _superuserPassword = NewPassword();
    private TempDirectory? _folder;
    private int? _postmasterPid;

    public int Port { get; private set; }

    /// <summary>The running server's postmaster, whose children are the backends (for CPU accounting in benchmarks).</summary>
    public int? PostmasterPid => _postmasterPid;

    /// <summary>The cluster's data folder (PGDATA).</summary>
    public string DataDirectory => System.IO.Path.Combine(Folder, "data");

    /// <summary>Where the unix socket is (only the cluster's own folder, never /var/run/postgresql).</summary>
    public string SocketDirectory => Folder;

    /// <summary>The server's log, to read when a test fails.</summary>
    public string LogFile => System.IO.Path.Combine(Folder, "postgres.log");

    /// <summary>The superuser on the <c>postgres</c> maintenance database.</summary>
    public string SuperuserConnectionString => ConnectionString("postgres", Superuser, _superuserPassword);

    private string Folder => _folder?.Path ?? throw new InvalidOperationException("The cluster has not been started.");

    /// <summary>Creates the cluster (initdb) and starts it. Call once.</summary>
    public async Task StartAsync()
    {
        if (_folder is not null)
        {
            throw new InvalidOperationException("The cluster was already started; use StartAgainAsync after a stop.");
        }

        _folder = new TempDirectory("buurtbudget-pg-");
        Port = FreeLoopbackPort();
        var passwordFile = System.IO.Path.Combine(Folder, "superuser.pw");
        await File.WriteAllTextAsync(passwordFile, _superuserPassword).ConfigureAwait(false);
        await ServerProcess.HandOverAsync(Folder).ConfigureAwait(false);
        // --no-sync only skips flushing initdb's own files (a machine crash mid-test is not what we test);
        // the running server keeps fsync on, which the durability tests depend on.
        await ServerProcess.RunAsync(PostgresBinaries.Program("initdb"),
        [
            "-D", DataDirectory, "-U", Superuser, "--pwfile", passwordFile, "--auth-host=scram-sha-256",
            "--auth-local=peer", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
        ]).ConfigureAwait(false);
        File.Delete(passwordFile);
        await File.AppendAllTextAsync(System.IO.Path.Combine(DataDirectory, "postgresql.conf"), string.Create(CultureInfo.InvariantCulture, $"""

            # Written by Buurtbudget.Testing.PostgresCluster
            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{SocketDirectory}'
            fsync = on
            synchronous_commit = on
            max_connections = 60
            shared_buffers = 32MB
            """)).ConfigureAwait(false);
        await StartServerAsync().ConfigureAwait(false);
    }

    /// <summary>Crashes the server the way a power cut or <c>kill -9</c> would: no checkpoint, recovery on next start.</summary>
    public Task StopImmediateAsync() => StopAsync("immediate");

    /// <summary>Starts the same cluster again after a stop (crash recovery runs after an immediate stop).</summary>
    public Task StartAgainAsync() => StartServerAsync();

    /// <summary>
    /// Makes a fresh cluster write WAL the way one that has been running does, for benchmarks. A new cluster has one
    /// WAL segment; every next 16 MB segment is created and zero-filled while commits wait for it (measured: single
    /// commits of 60–120 ms, once a second at 15,000 ballots/s). A running server instead reuses the segments of
    /// earlier checkpoints. This creates <paramref name="segments"/> segments, keeps them (<c>min_wal_size</c>) and
    /// checkpoints, so the benchmark's WAL goes into recycled segments as in production.
    /// </summary>
    /// <returns>The number of segment files in <c>pg_wal</c> afterwards.</returns>
    public async Task<int> RecycleWalSegmentsAsync(int segments)
    {
        await using (var connection = new NpgsqlConnection(SuperuserConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            foreach (var sql in new[]
            {
                string.Create(CultureInfo.InvariantCulture, $"ALTER SYSTEM SET min_wal_size = '{Math.Max(80, 16 * segments * 2)}MB'"),
                "SELECT pg_reload_conf()",
                "CREATE TABLE wal_segments (n integer)",
                // Each round writes a little WAL and then switches to the next segment, which creates that segment.
                string.Create(CultureInfo.InvariantCulture, $"DO $$ BEGIN FOR n IN 1..{segments} LOOP INSERT INTO wal_segments VALUES (n); PERFORM pg_switch_wal(); END LOOP; END $$"),
                "DROP TABLE wal_segments",
                "CHECKPOINT",
            })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        return Directory.EnumerateFiles(System.IO.Path.Combine(DataDirectory, "pg_wal")).Count(f => System.IO.Path.GetFileName(f).Length == 24);
    }

    /// <summary>
    /// Creates a database owned by a new role <c>{name}_owner</c>, plus a role <c>{name}_app</c> that may only
    /// connect; the schema's migrations decide what else the app role may do.
    /// </summary>
    public async Task<PostgresDatabase> CreateDatabaseAsync(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!SafeName().IsMatch(name))
        {
            throw new ArgumentException("Use lower-case letters, digits and underscores, starting with a letter.", nameof(name));
        }

        string owner = $"{name}_owner", app = $"{name}_app";
        string ownerPassword = NewPassword(), appPassword = NewPassword();
        // Unpooled: after StopImmediateAsync a pooled connection would be dead, and this must work right after a restart.
        await using (var connection = new NpgsqlConnection(SuperuserConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            foreach (var sql in new[]
            {
                $"CREATE ROLE {owner} LOGIN PASSWORD '{ownerPassword}'",
                $"CREATE ROLE {app} LOGIN PASSWORD '{appPassword}'",
                $"CREATE DATABASE {name} OWNER {owner}",
                $"REVOKE ALL ON DATABASE {name} FROM PUBLIC",
                $"GRANT CONNECT, TEMPORARY ON DATABASE {name} TO {owner}",
                $"GRANT CONNECT ON DATABASE {name} TO {app}",
            })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        return new PostgresDatabase(
            name,
            ConnectionString(name, Superuser, _superuserPassword),
            owner,
            ConnectionString(name, owner, ownerPassword),
            app,
            ConnectionString(name, app, appPassword));
    }

    private string ConnectionString(string database, string user, string password) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = user,
        Password = password,
        Timeout = 5,
        CommandTimeout = 30,
    }.ToString();

    private async Task StartServerAsync()
    {
        await ServerProcess.RunAsync(PostgresBinaries.Program("pg_ctl"),
            ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "start"]).ConfigureAwait(false);
        var pidLine = (await File.ReadAllLinesAsync(System.IO.Path.Combine(DataDirectory, "postmaster.pid")).ConfigureAwait(false))[0];
        _postmasterPid = int.Parse(pidLine, CultureInfo.InvariantCulture);
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>A safety net: if the test host exits without disposing the fixture, do not leave a server running.</summary>
    private void KillOnExit(object? sender, EventArgs e)
    {
        if (_postmasterPid is int pid)
        {
            KillPostmaster(pid);
        }
    }

    private async Task StopAsync(string mode)
    {
        await ServerProcess.RunAsync(PostgresBinaries.Program("pg_ctl"), ["-D", DataDirectory, "-m", mode, "-w", "stop"]).ConfigureAwait(false);
        _postmasterPid = null;
    }

    /// <summary>Stops the server (fast) and deletes its folder. If pg_ctl cannot stop it, its postmaster PID is killed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        if (_postmasterPid is int pid)
        {
            try
            {
                await StopAsync("fast").ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                KillPostmaster(pid);
            }
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        NpgsqlConnection.ClearAllPools();
        _folder.Dispose();
        _folder = null;
    }

    private static void KillPostmaster(int pid)
    {
        try
        {
            using var postmaster = Process.GetProcessById(pid);
            postmaster.Kill();
            postmaster.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            // Already exited.
        }
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex("^[a-z][a-z0-9_]{0,40}$")]
    private static partial Regex SafeName();
}
