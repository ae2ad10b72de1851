namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// Sign-in events for the operator (ASVS 16.3.1). Never a token, a code, a state, a nonce or the subject (the
/// voter key is derived from issuer + subject, G8): the provider name and what went wrong are enough to act on.
/// </summary>
internal static partial class IdentityProviderLog
{
    [LoggerMessage(LogLevel.Information, "Signed in through identity provider {Provider}")]
    public static partial void SignedIn(ILogger logger, string provider);

    [LoggerMessage(LogLevel.Warning, "Sign-in through identity provider {Provider} refused ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, string provider, int status, string reason);
}
