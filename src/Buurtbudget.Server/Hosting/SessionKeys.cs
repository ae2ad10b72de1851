using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Buurtbudget.Server.Hosting;

/// <summary>
/// Session cookies are protected with keys kept in <c>{DataDirectory}/keys</c>, next to the ledger, so sessions
/// survive a restart and nodes that share the directory share sessions.
/// </summary>
internal sealed class SessionKeys(IServiceProvider services) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options) =>
        options.XmlRepository = new FileSystemXmlRepository(
            new DirectoryInfo(Path.Combine(services.DataDirectory(), "keys")), services.GetRequiredService<ILoggerFactory>());

    public static void AddSessionKeys(WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("Buurtbudget");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>, SessionKeys>();
    }
}
