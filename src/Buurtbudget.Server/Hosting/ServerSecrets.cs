using System.Security.Cryptography;
using System.Text;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;

namespace Buurtbudget.Server.Hosting;

/// <summary>
/// The server's one secret and the keys derived from it (HKDF, one label per use), so a leaked ballot key does
/// not also give away the voting-code pepper. See docs/threat-model.md for who must hold it.
/// </summary>
internal sealed class ServerSecrets
{
    private const string FileName = "server-secret.key";

    public ServerSecrets(byte[] master)
    {
        Ballots = new BallotSecrecy(Derive(master, "ballot-slots"));
        VotingCodes = new VotingCodeHasher(Derive(master, "voting-codes"));
        People = new PersonKeys(Derive(master, "person-voters"), Derive(master, "session-holders"));
    }

    public BallotSecrecy Ballots { get; }

    public VotingCodeHasher VotingCodes { get; }

    public PersonKeys People { get; }

    private static byte[] Derive(byte[] master, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: Encoding.ASCII.GetBytes("buurtbudget/" + purpose));

    /// <summary>The configured secret, or the one generated at first start and kept (owner-only) in the data directory.</summary>
    public static ServerSecrets Load(BuurtbudgetOptions options, string dataDirectory, ILogger logger)
    {
        if (options.Secret is { } configured)
        {
            return new ServerSecrets(Convert.FromBase64String(configured));
        }
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(path, create))
            {
                stream.Write(fresh);
                stream.Flush(flushToDisk: true);
            }
            Log.GeneratedSecret(logger, path);
        }
        return new ServerSecrets(File.ReadAllBytes(path));
    }
}

internal static partial class Log
{
    [LoggerMessage(LogLevel.Warning, "No Buurtbudget:Secret configured; using the generated secret in {Path}. Back it up: without it, voting codes and 'my ballot' stop working.")]
    public static partial void GeneratedSecret(ILogger logger, string path);
}
