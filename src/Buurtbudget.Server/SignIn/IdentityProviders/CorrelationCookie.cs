using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// Binds a flow to the browser that started it (ASVS 10.1.2) without server-side session state: the
/// <see cref="Correlation"/> travels in <c>__Host-buurtbudget-oidc</c>, encrypted and authenticated with the data
/// protection keys the session cookie uses. HttpOnly and Secure with the <c>__Host-</c> prefix like the session;
/// SameSite=Lax (not Strict) because the callback is a cross-site top-level GET from the provider, which a Strict
/// cookie would not accompany. It lives 10 minutes and the callback deletes it whatever the outcome.
/// </summary>
internal sealed class CorrelationCookie(IDataProtectionProvider protection, TimeProvider time)
{
    public const string Name = "__Host-buurtbudget-oidc";

    private readonly IDataProtector _protector = protection.CreateProtector("Buurtbudget.SignIn.IdentityProviders.Correlation.v1");

    private static CookieOptions Options(DateTimeOffset? expires = null) => new()
    {
        HttpOnly = true,
        Secure = true,
        Path = "/",
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        Expires = expires,
    };

    public void Write(HttpContext context, Correlation correlation) =>
        context.Response.Cookies.Append(Name, _protector.Protect(JsonSerializer.Serialize(correlation)), Options(correlation.Expires));

    /// <summary>Reads and deletes the cookie: null when there is none, it was not made here, or it has expired.</summary>
    public Correlation? Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value))
        {
            return null;
        }
        context.Response.Cookies.Delete(Name, Options());
        try
        {
            var correlation = JsonSerializer.Deserialize<Correlation>(_protector.Unprotect(value));
            return correlation is not null && correlation.Expires > time.GetUtcNow() ? correlation : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
