using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Buurtbudget.Testing;

namespace Buurtbudget.Web.Tests;

/// <summary>
/// Everything a browser test needs, real and on loopback: a throwaway PostgreSQL cluster with the app's database,
/// a certified OpenID Provider (tests/node/oidc-provider.mjs) that is also the platform operator's issuer, and the
/// server process built from src/Buurtbudget.Server (its front end included) on http://localhost:PORT — Chromium
/// treats localhost as a secure context, so the <c>__Host-</c> Secure session cookie works as it does over HTTPS.
/// </summary>
public sealed class LiveSite : IAsyncLifetime
{
    public const string ProviderName = "corporatie";
    private const string ClientId = "buurtbudget-web-tests";

    private readonly PostgresCluster _postgres = new();
    private readonly TempDirectory _data = new("buurtbudget-web-");
    private ChildProcess? _provider;
    private ChildProcess? _server;

    public Uri BaseUrl { get; private set; } = null!;

    public string Issuer { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _postgres.StartAsync();
        var database = await _postgres.CreateDatabaseAsync("web");
        int port = FreePort();
        BaseUrl = new Uri($"http://localhost:{port}");
        string secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

        var provider = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.NodeFolder("node") };
        foreach (var argument in new[] { "oidc-provider.mjs", $"{BaseUrl}api/sign-in/{ProviderName}/callback", ClientId, secret })
        {
            provider.ArgumentList.Add(argument);
        }
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider = new ChildProcess(provider);
        _provider.Line += line =>
        {
            if (line.StartsWith("{\"issuer\"", StringComparison.Ordinal))
            {
                ready.TrySetResult(JsonDocument.Parse(line).RootElement.GetProperty("issuer").GetString()!);
            }
        };
        Issuer = await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var server = new ProcessStartInfo("dotnet") { WorkingDirectory = _data.Path };
        server.ArgumentList.Add(RepoPaths.ServerDll());
        server.ArgumentList.Add("--contentRoot");
        server.ArgumentList.Add(RepoPaths.ServerContentRoot());
        var env = server.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = $"http://localhost:{port}";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Buurtbudget__Demo"] = "false";
        env["Buurtbudget__DataDirectory"] = _data.Path;
        env["Buurtbudget__Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        env["Buurtbudget__Postgres__ConnectionString"] = database.AppConnectionString;
        env["Buurtbudget__Postgres__OwnerConnectionString"] = database.OwnerConnectionString;
        env["Buurtbudget__Postgres__AppRole"] = database.AppRoleName;
        env["Buurtbudget__PlatformOperators__0__Issuer"] = Issuer;
        env["Buurtbudget__PlatformOperators__0__Subject"] = "operator";
        env[$"Buurtbudget__IdentityProviders__{ProviderName}__Authority"] = Issuer;
        env[$"Buurtbudget__IdentityProviders__{ProviderName}__ClientId"] = ClientId;
        env[$"Buurtbudget__IdentityProviders__{ProviderName}__ClientSecret"] = secret;
        env[$"Buurtbudget__IdentityProviders__{ProviderName}__DisplayName"] = "Corporatie";
        // Residents who sign in with an account: the provider's "neighbourhoods" claim (scope "buurt") says where they live.
        env[$"Buurtbudget__IdentityProviders__{ProviderName}__Scopes"] = "openid profile buurt";
        env[$"Buurtbudget__IdentityProviders__{ProviderName}__ResidentClaims"] = "neighbourhoods";
        _server = new ChildProcess(server);
        await WaitUntilReadyAsync();
    }

    /// <summary>
    /// Runs tests/web/scenarios/NAME.mjs against this stack and returns its exit code and output (the steps it
    /// passed, and where and why it failed).
    /// </summary>
    public async Task<(int ExitCode, string Output)> RunScenarioAsync(string name, TimeSpan timeout, string? screenshots = null)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.NodeFolder("web") };
        start.ArgumentList.Add(Path.Combine("scenarios", name + ".mjs"));
        start.Environment["BUURTBUDGET_URL"] = BaseUrl.ToString().TrimEnd('/');
        start.Environment["BUURTBUDGET_IDP"] = Issuer;
        start.Environment["BUURTBUDGET_IDP_NAME"] = "Corporatie";
        // BUURTBUDGET_SCREENSHOTS=<folder> makes the scenarios save the screenshots in docs/ (see docs/guide.md).
        screenshots ??= Environment.GetEnvironmentVariable("BUURTBUDGET_SCREENSHOTS");
        if (screenshots is not null)
        {
            start.Environment["BUURTBUDGET_SCREENSHOTS"] = screenshots;
        }
        await using var scenario = new ChildProcess(start, keepLines: 2000);
        int exitCode = await scenario.WaitAsync(timeout);
        string output = scenario.Output;
        if (exitCode != 0 && _server is { } server)
        {
            output += $"\n--- the server's last output ---\n{server.Output}";
        }
        return (exitCode, output);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_server.ExitCode}:\n{_server.Output}");
            }
            try
            {
                if ((await http.GetAsync(new Uri(BaseUrl, "/health/ready"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, still starting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The server did not become ready within 90 s:\n{_server!.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
        await _postgres.DisposeAsync();
        _data.Dispose();
    }
}
