using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// A real OpenID Provider (tests/node/oidc-provider.mjs, the certified npm package oidc-provider) as a child process
/// on loopback, one per test class. Its control endpoint switches programmatic login, denial and the token tamper
/// step; see the script's header.
/// </summary>
public sealed class NodeOidcProvider : IAsyncLifetime
{
    public const string ProviderName = "corporatie";
    public const string ClientId = "buurtbudget-test";
    public const string ClientSecret = "a-client-secret-for-the-sign-in-tests-only";

    /// <summary>The redirect URI registered for the client: the app's callback as the test browser sees it.</summary>
    public static readonly Uri RedirectUri = new($"https://localhost/api/sign-in/{ProviderName}/callback");

    /// <summary>The same provider configured a second time in the app, as a public client (no secret): a staff sign-in.</summary>
    public const string PublicProviderName = "personeel";
    public const string PublicClientId = "buurtbudget-test-public";
    public static readonly Uri PublicRedirectUri = new($"https://localhost/api/sign-in/{PublicProviderName}/callback");

    private readonly StringBuilder _errors = new();
    private Process? _process;
    private Task _draining = Task.CompletedTask;
    private readonly HttpClient _control = new();

    public string Issuer { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(NodeFolder(), "oidc-provider.mjs"), RedirectUri.ToString(), ClientId, ClientSecret, PublicRedirectUri.ToString(), PublicClientId })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        _draining = Task.Run(async () =>
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_errors)
                {
                    _errors.AppendLine(line);
                }
            }
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ready = await _process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("oidc-provider.mjs ended before it was ready: " + Errors);
        Issuer = JsonDocument.Parse(ready).RootElement.GetProperty("issuer").GetString()!;
        _control.BaseAddress = new Uri(Issuer);
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Changes the provider's behaviour from now on: <c>account</c>, <c>neighbourhoods</c>, <c>deny</c>, <c>tamper</c>.</summary>
    public async Task SetAsync(object change)
    {
        using var response = await _control.PostAsJsonAsync("/control", change);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Back to normal: resident-1 logs in, consents, and gets untouched tokens.</summary>
    public Task ResetAsync() => SetAsync(new { account = "resident-1", neighbourhoods = (string[]?)null, deny = false, tamper = (string?)null });

    /// <summary>How many requests reached the token endpoint so far (a code exchange the app attempted).</summary>
    public async Task<int> TokenRequestsAsync() =>
        (await _control.GetFromJsonAsync<JsonElement>("/control")).GetProperty("tokenRequests").GetInt32();

    /// <summary>How many times someone downloaded the provider's JWKS (the app's key-rotation refresh shows here).</summary>
    public async Task<int> JwksRequestsAsync() =>
        (await _control.GetFromJsonAsync<JsonElement>("/control")).GetProperty("jwksRequests").GetInt32();

    /// <summary>A browser on the provider's side: keeps the provider's cookies, follows no redirect by itself.</summary>
    public static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });

    public async Task DisposeAsync()
    {
        _control.Dispose();
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true); // by this process's PID only
            }
        }
        await _draining;
        _process.Dispose();
    }

    /// <summary>tests/node, found from the test assembly's folder; run-all.sh installs its packages.</summary>
    private static string NodeFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "node");
            if (File.Exists(Path.Combine(candidate, "oidc-provider.mjs")))
            {
                return Directory.Exists(Path.Combine(candidate, "node_modules", "oidc-provider"))
                    ? candidate
                    : throw new InvalidOperationException($"Run 'npm ci' in {candidate} (tests/run-all.sh does).");
            }
        }
        throw new InvalidOperationException("tests/node/oidc-provider.mjs not found above " + AppContext.BaseDirectory);
    }
}
