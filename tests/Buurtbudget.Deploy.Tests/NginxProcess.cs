using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Buurtbudget.Deploy.Tests;

/// <summary>
/// Debian's nginx (<c>apt-get install nginx</c>; tests/run-all.sh installs it) as a non-daemon child process with a
/// prefix of its own under /tmp: its main config includes only mime types and the site under test, logs and temporary
/// files stay in the prefix, and it is stopped by its PID.
/// </summary>
internal sealed class NginxProcess : IAsyncDisposable
{
    public const string Variable = "BUURTBUDGET_NGINX";

    private readonly Process _process;
    private readonly string _prefix;

    private NginxProcess(Process process, string prefix)
    {
        _process = process;
        _prefix = prefix;
    }

    public static string Binary
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : "/usr/sbin/nginx";
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"nginx is not at {path}. tests/run-all.sh installs Debian's (apt-get install nginx); or set {Variable}.");
        }
    }

    /// <summary>The error log, to read when a test fails.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_prefix, "error.log")) ? File.ReadAllText(Path.Combine(_prefix, "error.log")) : "";

    /// <summary>Writes the main config around <paramref name="site"/>, checks it with <c>nginx -t</c> and starts nginx.</summary>
    /// <returns>nginx and what <c>nginx -t</c> printed (warnings included).</returns>
    public static async Task<(NginxProcess Nginx, string CheckOutput)> StartAsync(string prefix, string site, int waitForPort)
    {
        File.WriteAllText(Path.Combine(prefix, "site.conf"), site);
        // As root nginx would hand its workers to 'nobody', who cannot enter the test's private temporary folder.
        string user = Environment.IsPrivilegedProcess ? "user root;" : "";
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            {{user}}
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log info;
            events { worker_connections 256; }
            http {
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                access_log {{prefix}}/access.log;
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{prefix}}/site.conf;
            }
            """);
        string check = await CheckAsync(prefix);
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in Arguments(prefix))
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nginx");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var nginx = new NginxProcess(process, prefix);
        await nginx.WaitForPortAsync(waitForPort);
        return (nginx, check);
    }

    private static string[] Arguments(string prefix) => ["-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-e", Path.Combine(prefix, "error.log")];

    private static async Task<string> CheckAsync(string prefix)
    {
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-t", .. Arguments(prefix)])
        {
            start.ArgumentList.Add(argument);
        }
        using var check = Process.Start(start) ?? throw new InvalidOperationException("could not start nginx -t");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = check.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = check.StandardError.ReadToEndAsync(timeout.Token);
        await check.WaitForExitAsync(timeout.Token);
        string text = await output + await error;
        return check.ExitCode == 0 ? text : throw new InvalidOperationException($"nginx -t failed:\n{text}");
    }

    private async Task WaitForPortAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}:\n{ErrorLog}");
            }
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet: nginx binds its ports right after reading the config.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"nginx did not listen on {port} within 30 s:\n{ErrorLog}");
    }

    /// <summary>Stops the master and its workers by their PIDs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        _process.Dispose();
    }
}
