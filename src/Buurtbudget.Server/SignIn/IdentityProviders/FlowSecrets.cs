using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// The per-flow random values (ASVS 10.1.2): state, nonce and the PKCE verifier are 256 bits from the CSPRNG each,
/// new for every sign-in, and compared in constant time.
/// </summary>
internal static class FlowSecrets
{
    public static string NewRandom() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>RFC 7636 S256: BASE64URL(SHA256(ASCII(verifier))). A 43-character verifier is within the allowed 43-128.</summary>
    public static string S256Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static bool FixedTimeEquals(string? expected, string? actual) =>
        expected is not null && actual is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
