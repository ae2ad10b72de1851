using Microsoft.Extensions.Options;

namespace Buurtbudget.Server.Hosting;

internal static class OptionsExtensions
{
    public static void AddBuurtbudgetOptions(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<BuurtbudgetOptions>()
            .Bind(builder.Configuration.GetSection(BuurtbudgetOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Secret is null || IsStrongSecret(o.Secret), "Buurtbudget:Secret must be base64 of at least 32 random bytes.")
            .Validate(o => o.Postgres is null || !string.IsNullOrWhiteSpace(o.Postgres.ConnectionString),
                "Buurtbudget:Postgres:ConnectionString is empty; remove the Postgres section to use SQLite.")
            .Validate(o => o.PlatformOperators.All(p => Uri.TryCreate(p.Issuer, UriKind.Absolute, out _) && !string.IsNullOrWhiteSpace(p.Subject)),
                "Every Buurtbudget:PlatformOperators entry needs an Issuer (the identity provider's URL) and a Subject.")
            .ValidateOnStart();

    private static bool IsStrongSecret(string secret)
    {
        var bytes = new byte[secret.Length];
        return Convert.TryFromBase64String(secret, bytes, out int length) && length >= 32;
    }

    public static BuurtbudgetOptions Buurtbudget(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<BuurtbudgetOptions>>().Value;

    public static string DataDirectory(this IServiceProvider services) =>
        Path.GetFullPath(services.Buurtbudget().DataDirectory, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
}
