using Buurtbudget.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Buurtbudget.Server.Sessions;

/// <summary>Start-up checks for <c>Buurtbudget:Sessions</c>, with messages that name the setting.</summary>
internal sealed class SessionValidation : IValidateOptions<BuurtbudgetOptions>
{
    private const string Key = "Buurtbudget:Sessions";

    public ValidateOptionsResult Validate(string? name, BuurtbudgetOptions options)
    {
        var sessions = options.Sessions;
        var failures = new List<string>();
        if (sessions.IdleTimeout < TimeSpan.FromMinutes(1) || sessions.IdleTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"{Key}:IdleTimeout must be between 00:01:00 and 1.00:00:00 (one minute to one day); it is {sessions.IdleTimeout}.");
        }
        if (sessions.AbsoluteLifetime < TimeSpan.FromMinutes(5) || sessions.AbsoluteLifetime > TimeSpan.FromDays(30))
        {
            failures.Add($"{Key}:AbsoluteLifetime must be between 00:05:00 and 30.00:00:00 (five minutes to 30 days); it is {sessions.AbsoluteLifetime}.");
        }
        else if (sessions.AbsoluteLifetime < sessions.IdleTimeout)
        {
            failures.Add($"{Key}:AbsoluteLifetime ({sessions.AbsoluteLifetime}) must not be shorter than IdleTimeout ({sessions.IdleTimeout}).");
        }
        if (sessions.CacheFor < TimeSpan.Zero || sessions.CacheFor > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Key}:CacheFor must be between 00:00:00 and 00:01:00: it bounds how long a node may honour a session that ended elsewhere.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
