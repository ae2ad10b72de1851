using Buurtbudget.Server.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// One configured provider and its discovery document (endpoints, issuer, signing keys), fetched once and cached by
/// <see cref="ConfigurationManager{T}"/>, which refreshes it on its own schedule.
/// </summary>
internal sealed class IdentityProvider
{
    /// <summary>The least time between two uncached fetches (<see cref="FreshMetadataAsync"/>) for one provider.</summary>
    public static readonly TimeSpan FreshFetchInterval = TimeSpan.FromSeconds(10);

    private readonly string _metadataAddress;
    private readonly HttpDocumentRetriever _documents;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly TimeProvider _time;
    private long _lastFreshFetch = long.MinValue;

    public IdentityProvider(string name, IdentityProviderOptions options, HttpClient http, TimeProvider time)
    {
        Name = name;
        Options = options;
        _time = time;
        RequireHttps = !IdentityProviderValidation.IsLoopback(new Uri(options.Authority));
        _metadataAddress = options.Authority.TrimEnd('/') + "/.well-known/openid-configuration";
        _documents = new HttpDocumentRetriever(http) { RequireHttps = RequireHttps };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_metadataAddress, new OpenIdConnectConfigurationRetriever(), _documents);
    }

    public string Name { get; }

    public IdentityProviderOptions Options { get; }

    public string DisplayName => string.IsNullOrWhiteSpace(Options.DisplayName) ? Name : Options.DisplayName;

    /// <summary>HTTPS for discovery, keys and the token endpoint, except for a loopback authority (tests, development).</summary>
    public bool RequireHttps { get; }

    /// <summary>The provider's metadata from the cache, checked before it is used (see <see cref="Checked"/>).</summary>
    public async Task<OpenIdConnectConfiguration> MetadataAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Checked(await _metadata.GetConfigurationAsync(cancellationToken));
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            throw new SignInFailure(StatusCodes.Status503ServiceUnavailable, $"{DisplayName} cannot be reached",
                $"Signing in with {DisplayName} is not possible right now. Try again in a few minutes.",
                $"discovery failed ({exception.GetType().Name})");
        }
    }

    /// <summary>
    /// The metadata fetched now, past the cache, for an ID token signed with a key id we do not know: the provider may
    /// have rotated its keys. <see cref="ConfigurationManager{T}.RequestRefresh"/> alone is not enough, because the
    /// manager refreshes in the background and would still hand out the old keys for this very token; it is asked
    /// too, so later sign-ins use the new keys from the cache. Null (keep the cached keys) when another fresh fetch
    /// ran for this provider less than <see cref="FreshFetchInterval"/> ago, so tokens with made-up key ids cannot
    /// make us hammer the provider, or when the fetch fails.
    /// </summary>
    public async Task<OpenIdConnectConfiguration?> FreshMetadataAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastFreshFetch);
        if ((last != long.MinValue && _time.GetElapsedTime(last, now) < FreshFetchInterval)
            || Interlocked.CompareExchange(ref _lastFreshFetch, now, last) != last)
        {
            return null;
        }
        _metadata.RequestRefresh();
        try
        {
            return Checked(await OpenIdConnectConfigurationRetriever.GetAsync(_metadataAddress, _documents, cancellationToken));
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The issuer must be exactly the configured authority (ASVS 10.5.3; with several providers this is also what keeps
    /// one provider's tokens out of another's flow), and the endpoints this flow needs must be there.
    /// </summary>
    private OpenIdConnectConfiguration Checked(OpenIdConnectConfiguration metadata)
    {
        if (!string.Equals(metadata.Issuer, Options.Authority, StringComparison.Ordinal))
        {
            throw new SignInFailure(StatusCodes.Status503ServiceUnavailable, $"{DisplayName} is not set up correctly",
                $"Signing in with {DisplayName} is not possible: the server's configuration does not match the provider. Tell the operator.",
                $"discovery issuer '{metadata.Issuer}' differs from the configured Authority; set Authority to exactly the issuer");
        }
        if (!IsUsable(metadata.AuthorizationEndpoint) || !IsUsable(metadata.TokenEndpoint))
        {
            throw new SignInFailure(StatusCodes.Status503ServiceUnavailable, $"{DisplayName} is not set up correctly",
                $"Signing in with {DisplayName} is not possible: the provider offers no usable code flow. Tell the operator.",
                "discovery lacks an absolute (https) authorization or token endpoint");
        }
        return metadata;
    }

    /// <summary>The browser goes to the authorization endpoint and the code and verifier to the token endpoint: HTTPS unless on loopback.</summary>
    private bool IsUsable(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (!RequireHttps && uri.Scheme == Uri.UriSchemeHttp));
}
