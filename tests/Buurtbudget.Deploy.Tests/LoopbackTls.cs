using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Buurtbudget.Deploy.Tests;

/// <summary>
/// A throwaway self-signed certificate for <c>localhost</c> and 127.0.0.1, written as the two PEM files nginx reads.
/// Clients trust exactly this certificate (by its bytes), nothing else; Node gets it through <c>NODE_EXTRA_CA_CERTS</c>.
/// </summary>
internal sealed class LoopbackTls
{
    private readonly byte[] _certificate;

    private LoopbackTls(string certificatePath, string keyPath, byte[] certificate)
    {
        CertificatePath = certificatePath;
        KeyPath = keyPath;
        _certificate = certificate;
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public static LoopbackTls Create(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        string certificatePath = Path.Combine(folder, "tls.crt"), keyPath = Path.Combine(folder, "tls.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        return new LoopbackTls(certificatePath, keyPath, certificate.RawData);
    }

    public bool Trusts(X509Certificate? presented) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(_certificate);

    /// <summary>
    /// A client that connects from <paramref name="from"/> (any 127.x.y.z is this machine, so each plays another
    /// client address) to <paramref name="to"/>, whatever host the URL names, and keeps no cookies: tests read and send them.
    /// </summary>
    public HttpClient Client(Uri baseAddress, IPAddress from, IPEndPoint to, Version? version = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(to, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, presented, _, _) => Trusts(presented) },
        };
        return new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            DefaultRequestVersion = version ?? HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }
}
