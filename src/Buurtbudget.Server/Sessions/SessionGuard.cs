using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Buurtbudget.Server.Hosting;
using Buurtbudget.Server.Live;
using Buurtbudget.Server.SignIn;
using Microsoft.Extensions.Options;

namespace Buurtbudget.Server.Sessions;

/// <summary>
/// Server-side sessions (ASVS 7.4.1, 7.3.1, 7.3.2). Every sign-in gets a fresh random id, kept in the encrypted cookie
/// and written down only as its SHA-256 (<see cref="ISessionStore"/>). Each request checks that the session is still
/// there, not idle for longer than <see cref="SessionOptions.IdleTimeout"/> and not older than
/// <see cref="SessionOptions.AbsoluteLifetime"/>, on the injected clock.
/// <para>
/// To keep a ballot from paying a database round trip, a node trusts what it read about a session for
/// <see cref="SessionOptions.CacheFor"/>. Ending a session deletes its row, forgets it here and tells the other nodes
/// at once (<see cref="IOtherNodes.SessionsEndedAsync"/>); if that message is lost, they read the row again within
/// <see cref="SessionOptions.CacheFor"/> and find it gone. Use is written down at most once per
/// <see cref="SessionOptions.RecordUseEvery"/> per node.
/// </para>
/// </summary>
internal sealed class SessionGuard(ISessionStore store, IOptions<BuurtbudgetOptions> options, ServerSecrets secrets, TimeProvider time, IOtherNodes otherNodes)
{
    /// <summary>The claim holding the session id (base64url of 32 random bytes) inside the encrypted cookie.</summary>
    public const string SessionClaim = "session";

    private readonly ConcurrentDictionary<string, Known> _known = new(StringComparer.Ordinal);

    /// <summary>What this node last read about a session, and when it was last used here.</summary>
    private sealed record Known(SessionRecord Record, string? Holder, DateTimeOffset ReadAt, DateTimeOffset UsedHere);

    /// <summary>Raised when another node said sessions ended (tests wait for it instead of sleeping).</summary>
    public event Action<string>? HeardFromOtherNode;

    private SessionOptions Settings => options.Value.Sessions;

    /// <summary>A new session for a principal about to be signed in: a fresh id in its claims, its digest in the store.</summary>
    public async Task StartAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var identity = principal.Identities.First();
        foreach (var old in identity.FindAll(SessionClaim).ToList())
        {
            identity.RemoveClaim(old);
        }
        var id = RandomNumberGenerator.GetBytes(32);
        var digest = SHA256.HashData(id);
        var now = time.GetUtcNow();
        var holder = principal.IdentityOf() is { } person ? secrets.People.SessionHolder(person.Issuer, person.Subject) : null;
        var record = new SessionRecord(digest, holder, now, now);
        await store.StartAsync(record, cancellationToken);
        identity.AddClaim(new Claim(SessionClaim, Base64Url.EncodeToString(id)));
        _known[Key(digest)] = new Known(record, Hex(holder), now, now);
    }

    /// <summary>Whether the session this principal carries is still live; records its use.</summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (DigestOf(principal) is not { } digest)
        {
            return false; // a cookie from before server-side sessions, or none at all
        }
        var key = Key(digest);
        var now = time.GetUtcNow();
        var known = _known.GetValueOrDefault(key);
        if (known is null || now - known.ReadAt >= Settings.CacheFor)
        {
            known = await ReadAsync(key, digest, now, known, cancellationToken);
            if (known is null)
            {
                return false;
            }
        }
        if (now >= known.Record.StartedAt + Settings.AbsoluteLifetime)
        {
            await EndAsync(digest, cancellationToken);
            return false;
        }
        if (now >= LastUse(known) + Settings.IdleTimeout)
        {
            // Idle here; another node may have been used since we last looked.
            if (known.ReadAt < now)
            {
                known = await ReadAsync(key, digest, now, known, cancellationToken);
            }
            if (known is null || now >= LastUse(known) + Settings.IdleTimeout)
            {
                await EndAsync(digest, cancellationToken);
                return false;
            }
        }
        if (now - known.Record.LastUsedAt >= Settings.RecordUseEvery)
        {
            await store.RecordUseAsync(digest, now, cancellationToken);
            known = known with { Record = known.Record with { LastUsedAt = now } };
        }
        _known[key] = known with { UsedHere = now };
        return true;
    }

    /// <summary>Ends the session this principal carries, on every node (sign-out).</summary>
    public Task EndAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        DigestOf(principal) is { } digest ? EndAsync(digest, cancellationToken) : Task.CompletedTask;

    /// <summary>Ends every session of this person, on every node ("sign out everywhere").</summary>
    public async Task<int> EndAllAsync(string issuer, string subject, CancellationToken cancellationToken)
    {
        var holder = secrets.People.SessionHolder(issuer, subject);
        int ended = await store.EndAllOfAsync(holder, cancellationToken);
        var hex = Hex(holder)!;
        ForgetHolder(hex);
        await otherNodes.SessionsEndedAsync("h " + hex, cancellationToken);
        return ended;
    }

    /// <summary>Another node ended sessions: "s {session digest}" or "h {holder digest}".</summary>
    public void Heard(string notice)
    {
        if (notice.StartsWith("s ", StringComparison.Ordinal))
        {
            _known.TryRemove(notice[2..], out _);
        }
        else if (notice.StartsWith("h ", StringComparison.Ordinal))
        {
            ForgetHolder(notice[2..]);
        }
        HeardFromOtherNode?.Invoke(notice);
    }

    /// <summary>Deletes expired rows and forgets what this node no longer needs to remember.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (key, known) in _known)
        {
            if (now - known.ReadAt >= Settings.CacheFor)
            {
                _known.TryRemove(KeyValuePair.Create(key, known));
            }
        }
        return await store.PurgeAsync(now - Settings.IdleTimeout, now - Settings.AbsoluteLifetime, cancellationToken);
    }

    private async Task EndAsync(byte[] digest, CancellationToken cancellationToken)
    {
        var key = Key(digest);
        _known.TryRemove(key, out _);
        await store.EndAsync(digest, cancellationToken);
        await otherNodes.SessionsEndedAsync("s " + key, cancellationToken);
    }

    private async Task<Known?> ReadAsync(string key, byte[] digest, DateTimeOffset now, Known? before, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(digest, cancellationToken) is not { } record)
        {
            _known.TryRemove(key, out _);
            return null;
        }
        var known = new Known(record, Hex(record.Holder), now, before?.UsedHere ?? record.LastUsedAt);
        _known[key] = known;
        return known;
    }

    private void ForgetHolder(string holder)
    {
        foreach (var (key, known) in _known)
        {
            if (known.Holder == holder)
            {
                _known.TryRemove(key, out _);
            }
        }
    }

    private static DateTimeOffset LastUse(Known known) => known.Record.LastUsedAt > known.UsedHere ? known.Record.LastUsedAt : known.UsedHere;

    private static byte[]? DigestOf(ClaimsPrincipal principal)
    {
        var value = principal.FindFirstValue(SessionClaim);
        if (value is null || value.Length > 64)
        {
            return null;
        }
        Span<byte> id = stackalloc byte[48];
        return Base64Url.TryDecodeFromChars(value, id, out int length) && length == 32 ? SHA256.HashData(id[..length]) : null;
    }

    private static string Key(byte[] digest) => Convert.ToHexStringLower(digest);

    private static string? Hex(byte[]? bytes) => bytes is null ? null : Convert.ToHexStringLower(bytes);
}
