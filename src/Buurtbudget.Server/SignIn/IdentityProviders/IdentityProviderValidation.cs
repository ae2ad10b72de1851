using System.Net;
using System.Text.RegularExpressions;
using Buurtbudget.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// Start-up checks for <c>Buurtbudget:IdentityProviders</c>: a wrong value stops the server with a message that names
/// the key, instead of failing at the first sign-in.
/// </summary>
internal sealed partial class IdentityProviderValidation : IValidateOptions<BuurtbudgetOptions>
{
    public ValidateOptionsResult Validate(string? name, BuurtbudgetOptions options)
    {
        var failures = new List<string>();
        foreach (var (provider, idp) in options.IdentityProviders)
        {
            var key = $"Buurtbudget:IdentityProviders:{provider}";
            if (!ProviderName().IsMatch(provider))
            {
                failures.Add($"{key}: the name is part of the callback URL; use 1-40 lowercase letters, digits and dashes.");
            }
            if (!Uri.TryCreate(idp.Authority, UriKind.Absolute, out var authority) || authority.Query.Length > 0 || authority.Fragment.Length > 0)
            {
                failures.Add($"{key}:Authority must be the issuer URL (absolute, no query), for example https://login.example.org/realms/residents.");
            }
            else if (authority.Scheme != Uri.UriSchemeHttps && !(authority.Scheme == Uri.UriSchemeHttp && IsLoopback(authority)))
            {
                failures.Add($"{key}:Authority must use https (plain http is only accepted for a loopback address such as http://127.0.0.1:8080).");
            }
            if (string.IsNullOrWhiteSpace(idp.ClientId))
            {
                failures.Add($"{key}:ClientId is empty; use the client id registered at the provider.");
            }
            if (!idp.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("openid", StringComparer.Ordinal))
            {
                failures.Add($"{key}:Scopes must contain 'openid' (space-separated, for example \"openid profile email\").");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Only a loopback authority may relax "HTTPS for metadata, keys and tokens".</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex ProviderName();
}
