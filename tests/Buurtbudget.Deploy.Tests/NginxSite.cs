namespace Buurtbudget.Deploy.Tests;

/// <summary>
/// deploy/nginx/buurtbudget.conf as shipped, with only what differs between machines replaced: the ports (loopback
/// instead of 80 and 443 on every address), the host name, the certificate, the node and the front end's folder.
/// Every directive that decides behaviour is tested as written. A replaced text that is no longer in the file fails
/// the test, so the file and this list cannot drift apart.
/// </summary>
internal static class NginxSite
{
    public const string ShippedHost = "buurtbudget.example.org";

    public static string Render(int httpPort, int httpsPort, LoopbackTls tls, int nodePort, string webRoot)
    {
        string text = File.ReadAllText(RepoPaths.Deploy("nginx/buurtbudget.conf"));
        (string Shipped, string Here)[] replacements =
        [
            ("listen 80;", $"listen 127.0.0.1:{httpPort};"),
            ("listen [::]:80;", ""),
            ("listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;"),
            ("listen [::]:443 ssl http2;", ""),
            ($"/etc/letsencrypt/live/{ShippedHost}/fullchain.pem", tls.CertificatePath),
            ($"/etc/letsencrypt/live/{ShippedHost}/privkey.pem", tls.KeyPath),
            ($"server_name {ShippedHost};", "server_name localhost;"),
            ("server 127.0.0.1:5000 ", $"server 127.0.0.1:{nodePort} "),
            ("root /var/www/buurtbudget;", $"root {webRoot};"),
        ];
        foreach (var (shipped, here) in replacements)
        {
            if (!text.Contains(shipped, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"deploy/nginx/buurtbudget.conf no longer contains '{shipped}'; update NginxSite with it.");
            }
            text = text.Replace(shipped, here, StringComparison.Ordinal);
        }
        return text;
    }
}
