namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// Open-redirect protection: after sign-in we only ever send the browser to a path on this site. "//host" and
/// "/\host" are refused because browsers read them as another host; so are control characters, which some
/// browsers strip before deciding.
/// </summary>
internal static class ReturnUrls
{
    public const string Default = "/";

    public static bool IsLocal(string url) =>
        url.Length is > 0 and <= 2048
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\')
        && Uri.TryCreate(url, UriKind.Relative, out _);
}
