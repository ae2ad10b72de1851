namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// What the sign-in start hands to its callback through the browser: the secrets of one flow, the provider it was
/// started for, where to go afterwards and the redirect URI sent (the token request must repeat it exactly).
/// <see cref="Id"/> makes each flow single use on this server (<see cref="SpentCorrelations"/>).
/// </summary>
internal sealed record Correlation(
    string Id, string Provider, string State, string Nonce, string CodeVerifier, string ReturnUrl, string RedirectUri, DateTimeOffset Expires)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static Correlation Start(string provider, string returnUrl, string redirectUri, TimeProvider time) => new(
        FlowSecrets.NewRandom(), provider, FlowSecrets.NewRandom(), FlowSecrets.NewRandom(), FlowSecrets.NewRandom(),
        returnUrl, redirectUri, time.GetUtcNow() + Lifetime);
}
