using Buurtbudget.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// One OpenID Provider process and one app (one database) for the whole sign-in test class. The tests share
/// nothing else: each uses fresh browsers, and the provider is reset before each. One app rather than one per test
/// keeps the shared PostgreSQL cluster within its connection limit (each app keeps a connection pool until it ends).
/// xunit v2 fixtures cannot take the cluster, so the first test creates the app here with its cluster.
/// </summary>
public sealed class IdentityProviderSignInFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private readonly TempDirectory _data = new();
    private BuurtbudgetApp? _app;

    public NodeOidcProvider Provider { get; } = new();

    internal CapturedLogs Logs { get; } = new();

    public Task InitializeAsync() => Provider.InitializeAsync();

    internal async Task<BuurtbudgetApp> AppAsync(PostgresCluster cluster, Action<IWebHostBuilder> configure)
    {
        await _creating.WaitAsync();
        try
        {
            if (_app is null)
            {
                var database = await cluster.CreateDatabaseAsync(SharedPostgres.NewDatabaseName("oidc"));
                _app = new BuurtbudgetApp(database, _data.Path, configure: web =>
                {
                    configure(web);
                    // Every test of the class signs in from the same test client; the per-client limit has its own test.
                    web.UseSetting("Buurtbudget:IdentityProviderSignInsPerClientPerMinute", "10000");
                    web.ConfigureLogging(logging => logging.AddProvider(Logs));
                });
            }
            return _app;
        }
        finally
        {
            _creating.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await Provider.DisposeAsync();
        _data.Dispose();
        _creating.Dispose();
    }
}
