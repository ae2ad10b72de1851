using System.Security.Cryptography;
using System.Text;

namespace Buurtbudget.Server.Hosting;

/// <summary>
/// Keyed digests of a person known by issuer and subject (ASVS 10.3.3), one key per use, so that neither a
/// resident's voter key nor a session row names the subject in clear, and the two cannot be matched without the
/// server secret.
/// </summary>
internal sealed class PersonKeys(byte[] voterKey, byte[] sessionKey)
{
    /// <summary>The voter key of a resident who signed in with an identity provider: what proposals, support and
    /// the ballot slot are derived from. "person:" keeps it apart from voting-code households ("household:").</summary>
    public string VoterKey(string issuer, string subject) => "person:" + Convert.ToHexStringLower(Digest(voterKey, issuer, subject));

    /// <summary>Who holds an identity-provider session, so all of a person's sessions can be ended at once.</summary>
    public byte[] SessionHolder(string issuer, string subject) => Digest(sessionKey, issuer, subject);

    // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
    private static byte[] Digest(byte[] key, string issuer, string subject)
    {
        var text = $"{issuer.Length}:{issuer}{subject.Length}:{subject}";
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));
    }
}
