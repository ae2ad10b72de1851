using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtbudget.Testing;

namespace Buurtbudget.Deploy.Tests;

/// <summary>
/// deploy/nginx/buurtbudget.conf in Debian's nginx, in front of one real server node on a throwaway PostgreSQL: the
/// demo neighbourhood open for voting, the node believing forwarded headers from nginx's address (127.0.0.1) only,
/// and a per-client limit of three voting-code attempts a minute. The front end is a small stand-in build.
/// </summary>
public sealed class NginxInFrontOfANode : IAsyncLifetime
{
    public const int CodeAttemptsPerClient = 3;
    public const string Neighbourhood = "demo";
    public const string Cycle = "2026";

    private readonly PostgresCluster _cluster = new();
    private readonly TempDirectory _folder = new("buurtbudget-nginx-");
    private ServerNode? _node;
    private NginxProcess? _nginx;
    private ConcurrentQueue<string> _codes = new();

    internal LoopbackTls Tls { get; private set; } = null!;

    internal ServerNode Node => _node ?? throw new InvalidOperationException("not started");

    public int HttpPort { get; } = ServerNode.FreePort();

    public int HttpsPort { get; } = ServerNode.FreePort();

    /// <summary>What a browser's address bar shows, and so its Origin.</summary>
    public string Origin => $"https://localhost:{HttpsPort}";

    /// <summary>What <c>nginx -t</c> said about the configuration.</summary>
    public string CheckOutput { get; private set; } = "";

    /// <summary>A project on the demo ballot.</summary>
    public string ProjectId { get; private set; } = "";

    public string NginxErrorLog => _nginx?.ErrorLog ?? "";

    public async Task InitializeAsync()
    {
        await _cluster.StartAsync();
        var database = await _cluster.CreateDatabaseAsync("behind_nginx");
        var data = Directory.CreateDirectory(Path.Combine(_folder.Path, "data")).FullName;
        var settings = ServerNode.Settings(data);
        settings["Buurtbudget__Demo"] = "true";
        settings["Logging__LogLevel__Buurtbudget.Demo"] = "Information";
        settings["Buurtbudget__Postgres__ConnectionString"] = database.AppConnectionString;
        settings["Buurtbudget__Postgres__OwnerConnectionString"] = database.OwnerConnectionString;
        settings["Buurtbudget__Postgres__AppRole"] = database.AppRoleName;
        settings["Buurtbudget__KnownProxies__0"] = "127.0.0.1";
        settings["Buurtbudget__CodeAttemptsPerClientPerMinute"] = ServerNode.Number(CodeAttemptsPerClient);
        _node = await ServerNode.StartAsync(settings);
        _codes = new ConcurrentQueue<string>(await _node.DemoCodesAsync());

        var web = Directory.CreateDirectory(Path.Combine(_folder.Path, "web")).FullName;
        Directory.CreateDirectory(Path.Combine(web, "assets"));
        File.WriteAllText(Path.Combine(web, "index.html"), "<!doctype html><title>Buurtbudget</title><script type=\"module\" src=\"/assets/app-3f2a1b9c.js\"></script>");
        File.WriteAllText(Path.Combine(web, "assets", "app-3f2a1b9c.js"), "console.log('buurtbudget');");
        var prefix = Directory.CreateDirectory(Path.Combine(_folder.Path, "nginx")).FullName;
        Tls = LoopbackTls.Create(prefix);
        (_nginx, CheckOutput) = await NginxProcess.StartAsync(prefix, NginxSite.Render(HttpPort, HttpsPort, Tls, _node.Port, web), HttpsPort);

        using var http = Through(IPAddress.Loopback);
        var cycle = await http.GetFromJsonAsync<JsonElement>($"/api/neighbourhoods/{Neighbourhood}/cycles/{Cycle}");
        ProjectId = cycle.GetProperty("projects")[0].GetProperty("id").GetString()!;
    }

    /// <summary>A demo voting code nobody has used yet (the demo prints five).</summary>
    public string FreshCode() => _codes.TryDequeue(out var code) ? code : throw new InvalidOperationException("The five demo codes are used up.");

    /// <summary>A browser at client address <paramref name="client"/> talking to nginx over HTTPS.</summary>
    internal HttpClient Through(IPAddress client, Version? version = null) =>
        Tls.Client(new Uri(Origin), client, new IPEndPoint(IPAddress.Loopback, HttpsPort), version);

    /// <summary>A client at <paramref name="client"/> that goes to the node's own port, around nginx.</summary>
    internal HttpClient Around(IPAddress client) =>
        Tls.Client(Node.BaseAddress, client, new IPEndPoint(IPAddress.Loopback, Node.Port));

    /// <summary>A client on plain HTTP to nginx's port 80 stand-in.</summary>
    internal HttpClient PlainHttp() =>
        Tls.Client(new Uri($"http://localhost:{HttpPort}"), IPAddress.Loopback, new IPEndPoint(IPAddress.Loopback, HttpPort));

    public async Task DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
        await _cluster.DisposeAsync();
        _folder.Dispose();
    }
}
