using System.Collections.Frozen;
using Buurtbudget.Server.Hosting;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>The configured providers by name; built once, so each keeps its own cached discovery document.</summary>
internal sealed class IdentityProviderRegistry(IServiceProvider services, IHttpClientFactory httpClients, TimeProvider time)
{
    public const string HttpClientName = "identity-providers";

    private readonly FrozenDictionary<string, IdentityProvider> _providers = services.Buurtbudget().IdentityProviders
        .ToFrozenDictionary(p => p.Key, p => new IdentityProvider(p.Key, p.Value, httpClients.CreateClient(HttpClientName), time), StringComparer.Ordinal);

    public IEnumerable<IdentityProvider> All => _providers.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public IdentityProvider? Find(string name) => _providers.GetValueOrDefault(name);
}
