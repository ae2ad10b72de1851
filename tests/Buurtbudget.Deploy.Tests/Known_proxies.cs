using System.Net;
using Buurtbudget.Testing;

namespace Buurtbudget.Deploy.Tests;

/// <summary>Buurtbudget:KnownProxies is checked at start-up, and nginx without a reachable node answers with a problem.</summary>
public sealed class Known_proxies
{
    [Fact]
    public async Task A_known_proxy_that_is_not_an_address_or_network_stops_the_server_with_a_message_naming_it()
    {
        using var data = new TempDirectory();
        var settings = ServerNode.Settings(data.Path);
        settings["Buurtbudget__KnownProxies__0"] = "127.0.0.1";
        settings["Buurtbudget__KnownProxies__1"] = "nginx.internal";
        settings["Buurtbudget__KnownProxies__2"] = "10.42.1.7/16";
        settings["Buurtbudget__KnownProxies__3"] = "10.244.0.0/16";
        settings["Buurtbudget__KnownProxies__4"] = "10";

        var (exitCode, output) = await ServerNode.RunUntilExitAsync(settings);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Buurtbudget:KnownProxies: 'nginx.internal', '10.42.1.7/16', '10': write each proxy as an IP address", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nginx_answers_with_a_problem_and_retry_after_when_no_node_is_reachable()
    {
        using var folder = new TempDirectory("buurtbudget-nginx-");
        var tls = LoopbackTls.Create(folder.Path);
        int https = ServerNode.FreePort();
        // Nothing listens on the node's port.
        string site = NginxSite.Render(ServerNode.FreePort(), https, tls, ServerNode.FreePort(), folder.Path);
        var (nginx, _) = await NginxProcess.StartAsync(folder.Path, site, https);
        await using (nginx)
        {
            using var http = tls.Client(new Uri($"https://localhost:{https}"), IPAddress.Loopback, new IPEndPoint(IPAddress.Loopback, https));

            using var response = await http.GetAsync("/api/neighbourhoods/demo");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
            Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
