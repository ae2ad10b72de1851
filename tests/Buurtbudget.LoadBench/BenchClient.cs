using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Buurtbudget.LoadBench;

/// <summary>
/// What the load generator says to the server, over HTTPS with keep-alive. One connection pool serves all voters, as
/// a reverse proxy in front of the server would; each voter's session cookie is sent by hand (the handler keeps no
/// cookies), so thousands of voters do not need thousands of clients.
/// </summary>
internal sealed class BenchClient : IDisposable
{
    public const string Neighbourhood = "bench";
    public const string Cycle = "2026";
    private const string CookieName = "__Host-buurtbudget";
    private static readonly byte[] BallotJson = Encoding.UTF8.GetBytes("""{"entries":[{"projectId":"bankjes","value":1},{"projectId":"bomen","value":1}]}""");
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly string _ballotsPath = $"/api/neighbourhoods/{Neighbourhood}/cycles/{Cycle}/ballots";
    private long _keys;
    private long _connections;

    /// <summary>TCP connections opened so far (each then gets a TLS handshake).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Answers other than the expected one, by endpoint and status, to explain an error count.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> Failures { get; } = new();

    public BenchClient(Uri httpsBase, string thumbprint, int maxConnections = 0)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            // A fixed pool, opened before measuring, as a reverse proxy keeps connections to its upstream: a request
            // waits for a free connection, and the open loop counts that wait. Unlimited (0), every waiting request
            // opens a new connection with a TLS handshake, which under a backlog turns into thousands of handshakes;
            // at 64, a fifth of the half-load ballots waited for a connection (both measured: docs/performance.md).
            MaxConnectionsPerServer = maxConnections > 0 ? maxConnections : int.MaxValue,
            // Below Kestrel's keep-alive timeout (130 s), so the client never reuses a connection the server is closing.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        };
        // Counts new connections: an open loop that falls behind opens one per waiting request, each with a TLS handshake.
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            Interlocked.Increment(ref _connections);
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && string.Equals(certificate.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase);
        _http = new HttpClient(handler) { BaseAddress = httpsBase, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task<IReadOnlyList<string>> SetupAsync(int voters)
    {
        using var request = Post("/bench/setup", JsonContent.Create(new { neighbourhood = Neighbourhood, cycle = Cycle, voters }));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!)];
    }

    /// <summary>Signs a voter in with a voting code and returns its session cookie (<c>name=value</c>).</summary>
    public async Task<string> SignInAsync(string code)
    {
        using var request = Post($"/api/neighbourhoods/{Neighbourhood}/sign-in", JsonContent.Create(new { code }));
        using var response = await _http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>One durable ballot: true when the server answered 201 with a receipt.</summary>
    public async Task<bool> CastAsync(string cookie)
    {
        var content = new ByteArrayContent(BallotJson);
        content.Headers.ContentType = Json;
        using var request = Post(_ballotsPath, content);
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Idempotency-Key", $"load-{Environment.ProcessId}-{Interlocked.Increment(ref _keys)}");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Failures.AddOrUpdate($"ballot {(int)response.StatusCode}", 1, (_, n) => n + 1);
            return false;
        }
        return true;
    }

    /// <summary>A public grain read (no session): routing, a grain call and JSON, without the ledger.</summary>
    public async Task<bool> CycleAsync()
    {
        using var response = await _http.GetAsync(new Uri($"/api/neighbourhoods/{Neighbourhood}/cycles/{Cycle}", UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>The voter's own ballot: the session cookie, the revocation check and a grain read, without the ledger.</summary>
    public async Task<bool> MineAsync(string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_ballotsPath + "/mine", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return response.StatusCode == HttpStatusCode.OK;
    }

    public async Task<bool> HelloAsync()
    {
        using var response = await _http.GetAsync(new Uri("/bench/hello", UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        return response.StatusCode == HttpStatusCode.OK;
    }

    public async Task<JsonElement> PostForJsonAsync(string path)
    {
        using var request = Post(path, null);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetJsonAsync(string path) =>
        await _http.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));

    private static HttpRequestMessage Post(string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Buurtbudget-Request", "1");
        return request;
    }

    public void Dispose() => _http.Dispose();
}
