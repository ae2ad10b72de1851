using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Buurtbudget.LoadBench;

/// <summary>
/// A throwaway self-signed certificate for 127.0.0.1, written as a PFX for Kestrel. The session cookie is
/// <c>Secure</c>, so the ballots go over real TLS as they would in production; the client trusts exactly this
/// certificate (by thumbprint) and nothing else.
/// </summary>
internal sealed class LoopbackCertificate : IDisposable
{
    private LoopbackCertificate(string path, string password, string thumbprint)
    {
        PfxPath = path;
        Password = password;
        Thumbprint = thumbprint;
    }

    public string PfxPath { get; }

    public string Password { get; }

    public string Thumbprint { get; }

    public static LoopbackCertificate Create(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        string password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string path = Path.Combine(folder, "loopback.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return new LoopbackCertificate(path, password, certificate.Thumbprint);
    }

    public void Dispose() => File.Delete(PfxPath);
}
