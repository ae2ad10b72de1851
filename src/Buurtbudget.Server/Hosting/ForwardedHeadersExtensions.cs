using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Buurtbudget.Server.Hosting;

/// <summary>
/// Behind nginx the connection comes from nginx, so the client's address and scheme arrive in <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>. Those headers are believed only from <see cref="BuurtbudgetOptions.KnownProxies"/>: the
/// voting-code rate limits are per client address, and a client that could name its own address could guess without
/// limit. The scheme matters too: the same-origin check on writes compares the browser's <c>https://</c> origin with it.
/// </summary>
internal static class ForwardedHeadersExtensions
{
    public static void AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<BuurtbudgetOptions>, KnownProxiesValidation>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<BuurtbudgetOptions>>((forwarded, buurtbudget) =>
        {
            // Replaces whatever was there, including ASP.NET Core's own ASPNETCORE_FORWARDEDHEADERS_ENABLED setup, which
            // clears the lists and so believes every client: with empty lists the middleware trusts anyone.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            var proxies = buurtbudget.Value.KnownProxies;
            if (proxies.Count == 0)
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One hop: the address the known proxy itself saw. Anything a client wrote in front of it is ignored.
            forwarded.ForwardLimit = 1;
            foreach (var proxy in proxies)
            {
                forwarded.KnownIPNetworks.Add(KnownProxiesValidation.Parse(proxy)!.Value);
            }
        });
        builder.Services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
    }

    /// <summary>Runs before every other middleware, so the rate limiter, sign-in and the same-origin check see the real client.</summary>
    private sealed class ForwardedHeadersFirst(IOptions<ForwardedHeadersOptions> options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (options.Value.ForwardedHeaders != ForwardedHeaders.None)
            {
                app.UseForwardedHeaders();
            }
            next(app);
        };
    }

    private sealed class KnownProxiesValidation : IValidateOptions<BuurtbudgetOptions>
    {
        public ValidateOptionsResult Validate(string? name, BuurtbudgetOptions options)
        {
            var wrong = options.KnownProxies.Where(p => Parse(p) is null).ToList();
            return wrong.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Buurtbudget:KnownProxies: '{string.Join("', '", wrong)}': write each proxy as an IP address "
                    + "(10.0.0.5) or a network in CIDR notation (10.42.0.0/16), and name only the reverse proxies in front of this server.");
        }

        /// <summary>
        /// An address is a network of one. Shorthands IPAddress would accept ("10" for 0.0.0.10) are refused, and so is a
        /// network written with host bits (10.42.1.7/16): which was meant, the address or the whole network?
        /// </summary>
        public static IPNetwork? Parse(string? value)
        {
            if (value is null)
            {
                return null;
            }
            int slash = value.IndexOf('/', StringComparison.Ordinal);
            if (!IPAddress.TryParse(slash < 0 ? value : value[..slash], out var address)
                || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Split('/')[0].Count(c => c == '.') != 3))
            {
                return null;
            }
            if (slash < 0)
            {
                return new IPNetwork(address, address.GetAddressBytes().Length * 8);
            }
            return IPNetwork.TryParse(value, out var network) && network.BaseAddress.Equals(address) ? network : null;
        }
    }
}
