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
        // Two framework logs print whole URLs at Information: the request log (the callback's query holds the
        // authorization code and the state) and the redirect result (the authorization request holds state and
        // nonce). ASVS 16.2.5: keep them out of the logs; both categories still log at Warning.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Result.RedirectResult", LogLevel.Warning);
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
