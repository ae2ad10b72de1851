using System.Security.Cryptography;
using System.Text;

namespace Buurtbudget.Grains.VotingCodes;

/// <summary>
/// Voting codes as printed in the letter a household receives: 16 characters from Crockford's base32 alphabet
/// (no I, L, O or U, so nothing is misread), shown as four groups of four. 80 random bits: at 10 guesses a
/// second for a year, the chance of hitting one of 10,000 live codes is below one in 10^12.
/// </summary>
public static class VotingCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 16;

    public static string NewCode()
    {
        Span<char> code = stackalloc char[Length];
        for (int i = 0; i < Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return $"{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}";
    }

    /// <summary>What a resident typed, read the way a person means it: case, spaces and dashes ignored,
    /// O read as 0 and I or L as 1. Null when it cannot be a code at all.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 64)
        {
            return null;
        }
        var builder = new StringBuilder(Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            char read = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (read is ' ' or '-')
            {
                continue;
            }
            if (!Alphabet.Contains(read, StringComparison.Ordinal))
            {
                return null;
            }
            builder.Append(read);
        }
        return builder.Length == Length ? builder.ToString() : null;
    }
}

/// <summary>
/// Codes are stored only as HMAC-SHA256 digests under a server pepper, so a copy of the database does not
/// contain a single usable code. The digest is also the voter key the ballot box sees (<c>code:…</c>).
/// </summary>
public sealed class VotingCodeHasher
{
    private readonly byte[] _pepper;

    public VotingCodeHasher(ReadOnlySpan<byte> pepper)
    {
        if (pepper.Length < 32)
        {
            throw new ArgumentException("The voting-code pepper must be at least 32 random bytes.", nameof(pepper));
        }
        _pepper = pepper.ToArray();
    }

    /// <summary>The digest of a normalized code (see <see cref="VotingCode.Normalize"/>).</summary>
    public string Digest(string normalizedCode) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_pepper, Encoding.ASCII.GetBytes(normalizedCode)));

    /// <summary>
    /// The digest of a household as the address list names it (case and spacing ignored). Keyed like the codes, so
    /// the stored digest cannot be checked against a list of addresses without the server secret.
    /// </summary>
    public string Household(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        string normalized = string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return Convert.ToHexStringLower(HMACSHA256.HashData(_pepper, Encoding.UTF8.GetBytes("household\n" + normalized)));
    }

    /// <summary>The voter is the household, not the letter: a replacement code votes as the same voter, so
    /// re-issuing a letter can never give a household a second ballot.</summary>
    public static string VoterKey(string householdDigest) => "household:" + householdDigest;

    /// <summary>Codes issued before households were recorded vote as themselves.</summary>
    public static string LegacyVoterKey(string codeDigest) => "code:" + codeDigest;
}
