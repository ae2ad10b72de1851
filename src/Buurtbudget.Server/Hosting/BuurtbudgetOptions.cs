using System.ComponentModel.DataAnnotations;

namespace Buurtbudget.Server.Hosting;

/// <summary>Configuration section <c>Buurtbudget</c>. Checked at start-up: a bad value stops the server with a clear message.</summary>
public sealed class BuurtbudgetOptions
{
    public const string Section = "Buurtbudget";

    /// <summary>Where the SQLite ledger and the generated server secret live (relative to the content root).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>When set, the ledger is in PostgreSQL instead of SQLite.</summary>
    public PostgresOptions? Postgres { get; set; }

    /// <summary>
    /// Base64 of at least 32 random bytes. Ballot slots and voting-code digests are derived from it, so it must
    /// stay the same for the life of a cycle. When empty, one is generated once and kept in the data directory.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Seed a demo neighbourhood in the voting phase and print demo voting codes at start-up.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>Bench-only endpoints and hubs for the load benchmarks; off unless switched on.</summary>
    public Benchmark.BenchmarkOptions Benchmark { get; set; } = new();

    /// <summary>Wrong voting codes allowed per client per minute before 429.</summary>
    [Range(1, 1000)]
    public int CodeAttemptsPerClientPerMinute { get; set; } = 10;

    /// <summary>Voting-code sign-ins allowed per minute for the whole server (a brake on distributed guessing).</summary>
    [Range(1, 1_000_000)]
    public int CodeAttemptsPerMinute { get; set; } = 2_000;

    /// <summary>
    /// The people who may register housing corporations (each with its first administrator), named by their
    /// identity provider's issuer and subject. Everything inside a corporation is then granted by its own
    /// administrators, not by configuration.
    /// </summary>
    public List<StaffMemberOptions> PlatformOperators { get; set; } = [];

    /// <summary>Identity-provider sign-ins (start and callback) allowed per client address per minute before 429.</summary>
    [Range(1, 10_000)]
    public int IdentityProviderSignInsPerClientPerMinute { get; set; } = 30;

    /// <summary>
    /// The reverse proxies (nginx, a load balancer) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
    /// believed: addresses (<c>10.0.0.5</c>) or networks (<c>10.42.0.0/16</c>). Empty: no forwarded header is believed,
    /// and the client is whoever connected. The voting-code rate limits are per client address, so behind a proxy
    /// this must name it, and nothing else. Checked by <see cref="ForwardedHeadersExtensions"/>.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>How long sessions last and how often a node re-reads them (see docs/operations.md#sessions).</summary>
    public Sessions.SessionOptions Sessions { get; set; } = new();

    /// <summary>How many residents' flags hide a comment until a moderator has looked at it.</summary>
    [Range(1, 100)]
    public int CommentFlagsToHide { get; set; } = 3;

    /// <summary>
    /// OpenID Connect providers people may sign in with, by name (the name is part of the callback URL, so it
    /// is lowercase letters, digits and dashes): for example a corporation's IdP for residents and a staff IdP.
    /// Checked at start-up by <see cref="SignIn.IdentityProviders.IdentityProviderValidation"/>.
    /// </summary>
    public Dictionary<string, IdentityProviderOptions> IdentityProviders { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One OpenID Connect provider (authorization code flow with PKCE; see docs/operations.md).</summary>
public sealed class IdentityProviderOptions
{
    /// <summary>The issuer URL, exactly as the provider's discovery document states it. HTTPS, except on loopback (tests, development).</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>Sent with HTTP Basic authentication (client_secret_basic); leave empty for a public client (PKCE only).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Space-separated, as on the wire. A string rather than a list on purpose: configuration binding appends to
    /// a list's defaults, so a configured list would silently keep "openid profile email" in front of it.
    /// </summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>What the sign-in page shows on the button; the provider's name when empty.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// ID-token claims kept in the session (space-separated) because a cycle's eligibility may name them, for
    /// example "neighbourhoods" listing the neighbourhood ids a tenant lives in. Empty: the provider signs in staff
    /// only, or residents of no cycle. Request the scope that releases them in <see cref="Scopes"/>.
    /// </summary>
    public string ResidentClaims { get; set; } = "";

    public IEnumerable<string> ResidentClaimNames => ResidentClaims.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

public sealed class StaffMemberOptions
{
    /// <summary>The issuer exactly as it appears in the identity provider's tokens.</summary>
    public string Issuer { get; set; } = "";

    public string Subject { get; set; } = "";
}

public sealed class PostgresOptions
{
    /// <summary>The application's least-privilege role.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>The schema owner, used once at start-up to run migrations; leave empty when migrations run separately.</summary>
    public string? OwnerConnectionString { get; set; }

    /// <summary>The role the migrations grant rights to (the user of <see cref="ConnectionString"/>).</summary>
    public string? AppRole { get; set; }
}
