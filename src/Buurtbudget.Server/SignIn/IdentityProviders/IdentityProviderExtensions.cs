using Buurtbudget.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

internal static class IdentityProviderExtensions
{
    /// <summary>
    /// OpenID Connect sign-in (see <see cref="IdentityProviderEndpoints"/>). It issues the same session cookie as
    /// the voting-code sign-in (<see cref="Residents.Scheme"/>), so it needs <c>AddSignIn</c> first.
    /// </summary>
    public static void AddIdentityProviders(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IValidateOptions<BuurtbudgetOptions>, IdentityProviderValidation>();
        // Server-to-server calls to the providers: bounded in time, and a token endpoint's redirect is not followed
        // (the code and verifier must go to the endpoint from discovery and nowhere else).
        builder.Services.AddHttpClient(IdentityProviderRegistry.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        builder.Services.AddSingleton<IdentityProviderRegistry>();
        builder.Services.AddSingleton<CorrelationCookie>();
        builder.Services.AddSingleton<SpentCorrelations>();
        builder.Services.AddSingleton<TokenClient>();
        builder.Services.AddSingleton<IdTokenValidator>();
    }
}
