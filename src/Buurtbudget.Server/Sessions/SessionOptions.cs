namespace Buurtbudget.Server.Sessions;

/// <summary>
/// Configuration section <c>Buurtbudget:Sessions</c> (ASVS 7.1.1, 7.3.1, 7.3.2). Checked at start-up by
/// <see cref="SessionValidation"/>.
/// </summary>
public sealed class SessionOptions
{
    /// <summary>A session nobody used for this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however busy it is.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long a node trusts what it last read about a session before reading it again from the database. Other
    /// nodes are told at once when a session ends; this is the bound if that message is lost.
    /// </summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a busy session's last use is written down: at most once per this interval per node.</summary>
    public TimeSpan RecordUseEvery => IdleTimeout / 10 < TimeSpan.FromMinutes(1) ? IdleTimeout / 10 : TimeSpan.FromMinutes(1);
}
