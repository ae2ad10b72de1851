namespace Buurtbudget.Server.Sessions;

/// <summary>
/// Where sessions are written down, in the database the ledger uses (a SQLite file next to it, or a table in the
/// same PostgreSQL), so that every node sees a sign-out. A session is known by the SHA-256 of its id only; a row
/// that is gone is a session that ended.
/// </summary>
internal interface ISessionStore
{
    Task StartAsync(SessionRecord session, CancellationToken cancellationToken);

    Task<SessionRecord?> FindAsync(byte[] idDigest, CancellationToken cancellationToken);

    Task RecordUseAsync(byte[] idDigest, DateTimeOffset at, CancellationToken cancellationToken);

    /// <returns>Whether the session was still there.</returns>
    Task<bool> EndAsync(byte[] idDigest, CancellationToken cancellationToken);

    /// <summary>Ends every session of one person (<see cref="SessionRecord.Holder"/>); returns how many there were.</summary>
    Task<int> EndAllOfAsync(byte[] holder, CancellationToken cancellationToken);

    /// <summary>Deletes sessions unused since <paramref name="idleBefore"/> or started before <paramref name="startedBefore"/>.</summary>
    Task<int> PurgeAsync(DateTimeOffset idleBefore, DateTimeOffset startedBefore, CancellationToken cancellationToken);
}

/// <param name="IdDigest">SHA-256 of the session id that only the browser's cookie holds.</param>
/// <param name="Holder">A keyed digest of the person (issuer and subject) for identity-provider sessions, so they
/// can all be ended at once; null for voting-code sessions, which end with their code.</param>
/// <param name="LastUsedAt">Written at most once per <see cref="SessionOptions.RecordUseEvery"/>, so it is coarse.</param>
internal sealed record SessionRecord(byte[] IdDigest, byte[]? Holder, DateTimeOffset StartedAt, DateTimeOffset LastUsedAt);
