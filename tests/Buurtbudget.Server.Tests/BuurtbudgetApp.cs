using System.Net;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// The real application on a real PostgreSQL database, with demo seeding off. <paramref name="configure"/> runs last,
/// so a test can add settings (for example an identity provider) or logging without changing the defaults above.
/// </summary>
internal sealed class BuurtbudgetApp(PostgresDatabase database, string dataDirectory, int codeAttemptsPerClientPerMinute = 10, int codeAttemptsPerMinute = 2000,
    Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Tests name the client they play with this header; the server sees it as the remote address.</summary>
    public const string ClientHeader = "X-Test-Client";

    /// <summary>The platform operator configured for every test app.</summary>
    public static readonly (string Issuer, string Subject) Operator = ("https://login.platform.test", "operator");

    /// <summary>Test-only: signs a browser in as a member of staff with this issuer and subject, the claims an
    /// OpenID Connect sign-in gives (the identity-provider tests cover that sign-in itself).</summary>
    public const string StaffSignInPath = "/test/staff-sign-in";

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Buurtbudget:Demo", "false");
        builder.UseSetting("Buurtbudget:DataDirectory", dataDirectory);
        builder.UseSetting("Buurtbudget:Secret", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Buurtbudget:Postgres:ConnectionString", database.AppConnectionString);
        builder.UseSetting("Buurtbudget:Postgres:OwnerConnectionString", database.OwnerConnectionString);
        builder.UseSetting("Buurtbudget:Postgres:AppRole", database.AppRoleName);
        builder.UseSetting("Buurtbudget:CodeAttemptsPerClientPerMinute", codeAttemptsPerClientPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Buurtbudget:CodeAttemptsPerMinute", codeAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Buurtbudget:PlatformOperators:0:Issuer", Operator.Issuer);
        builder.UseSetting("Buurtbudget:PlatformOperators:0:Subject", Operator.Subject);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, StaffSignIn>();
        });
        configure?.Invoke(builder);
    }

    /// <summary>A browser-like client: HTTPS base address (the session cookie is Secure), cookies kept.</summary>
    public HttpClient Browser(string client = "10.0.0.1")
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true, AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add(ClientHeader, client);
        return http;
    }

    /// <summary>A browser signed in as staff (see <see cref="StaffSignInPath"/>).</summary>
    public async Task<HttpClient> Staff(string issuer, string subject, string client = "10.0.0.2", string? name = null)
    {
        var browser = Browser(client);
        var response = await browser.GetAsync($"{StaffSignInPath}?issuer={Uri.EscapeDataString(issuer)}&subject={Uri.EscapeDataString(subject)}"
            + (name is null ? "" : $"&name={Uri.EscapeDataString(name)}"));
        response.EnsureSuccessStatusCode();
        return browser;
    }

    private sealed class StaffSignIn : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => async context =>
            {
                if (context.Request.Path == StaffSignInPath)
                {
                    var identity = new System.Security.Claims.ClaimsIdentity(
                        [new("iss", context.Request.Query["issuer"].ToString()), new("sub", context.Request.Query["subject"].ToString())], "oidc");
                    if (context.Request.Query["name"] is [{ } name])
                    {
                        identity.AddClaim(new("name", name));
                    }
                    await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignInAsync(
                        context, "buurtbudget", new System.Security.Claims.ClaimsPrincipal(identity));
                    return;
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class ClientAddressFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
