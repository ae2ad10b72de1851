using Buurtbudget.Server.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// One configured provider and its discovery document (endpoints, issuer, signing keys), fetched once and cached by
/// <see cref="ConfigurationManager{T}"/>, which also refreshes it on its own schedule and on request (key rotation).
/// </summary>
internal sealed class IdentityProvider
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;

    public IdentityProvider(string name, IdentityProviderOptions options, HttpClient http)
    {
        Name = name;
        Options = options;
        var authority = new Uri(options.Authority);
        RequireHttps = !IdentityProviderValidation.IsLoopback(authority);
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            options.Authority.TrimEnd('/') + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http) { RequireHttps = RequireHttps });
    }

    public string Name { get; }

    public IdentityProviderOptions Options { get; }

    public string DisplayName => string.IsNullOrWhiteSpace(Options.DisplayName) ? Name : Options.DisplayName;

    /// <summary>HTTPS for discovery, keys and the token endpoint, except for a loopback authority (tests, development).</summary>
    public bool RequireHttps { get; }

    /// <summary>
    /// The provider's metadata, checked before it is used: the issuer must be exactly the configured authority
    /// (ASVS 10.5.3; with several providers this is also what keeps one provider's tokens out of another's flow),
    /// and the endpoints this flow needs must be there.
    /// </summary>
    public async Task<OpenIdConnectConfiguration> MetadataAsync(CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration metadata;
        try
        {
            metadata = await _metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            throw new SignInFailure(StatusCodes.Status503ServiceUnavailable, $"{DisplayName} cannot be reached",
                $"Signing in with {DisplayName} is not possible right now. Try again in a few minutes.",
                $"discovery failed ({exception.GetType().Name})");
        }
        if (!string.Equals(metadata.Issuer, Options.Authority, StringComparison.Ordinal))
        {
            throw new SignInFailure(StatusCodes.Status503ServiceUnavailable, $"{DisplayName} is not set up correctly",
                $"Signing in with {DisplayName} is not possible: the server's configuration does not match the provider. Tell the operator.",
                $"discovery issuer '{metadata.Issuer}' differs from the configured Authority; set Authority to exactly the issuer");
        }
        if (string.IsNullOrEmpty(metadata.AuthorizationEndpoint) || string.IsNullOrEmpty(metadata.TokenEndpoint)
            || (RequireHttps && !metadata.TokenEndpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            throw new SignInFailure(StatusCodes.Status503ServiceUnavailable, $"{DisplayName} is not set up correctly",
                $"Signing in with {DisplayName} is not possible: the provider offers no usable code flow. Tell the operator.",
                "discovery lacks an authorization or (https) token endpoint");
        }
        return metadata;
    }

    /// <summary>Asks for fresh metadata on the next read: an ID token signed with a key we do not know yet (rotation).</summary>
    public void RefreshMetadata() => _metadata.RequestRefresh();
}
