using System.CommandLine;
using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Server.Sessions;
using Npgsql;

namespace Buurtbudget.Cli.Commands;

/// <summary>
/// <c>buurtbudget migrate</c>: brings a PostgreSQL ledger's schema (and the server's sessions table) up to date as its
/// owner and grants the app role its least privileges, then exits; for a deployment step (a Kubernetes Job, a release script) so that the server nodes
/// never hold the owner's password. Safe to run again and from several places at once (versioned, under an advisory lock).
/// </summary>
internal sealed class MigrateCommand : Command
{
    private readonly Option<string> _postgres = new("--postgres")
    {
        Description = "Connection string of the schema owner (Buurtbudget:Postgres:OwnerConnectionString).",
        HelpName = "OWNER-CONNECTION-STRING",
        Required = true,
    };

    private readonly Option<string> _appRole = new("--app-role")
    {
        Description = "The role the server connects as; it gets SELECT and INSERT on the ledger entries and nothing more.",
        HelpName = "ROLE",
        Required = true,
    };

    public MigrateCommand()
        : base("migrate", "Apply the PostgreSQL ledger's schema migrations as its owner and grant the app role its rights.")
    {
        Add(_postgres);
        Add(_appRole);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        int version;
        try
        {
            string owner = parse.GetValue(_postgres)!, appRole = parse.GetValue(_appRole)!;
            version = PostgresLedgerSchema.MigrateAsync(owner, appRole).GetAwaiter().GetResult();
            PostgresSessionSchema.MigrateAsync(owner, appRole).GetAwaiter().GetResult();
        }
        catch (ArgumentException e)
        {
            throw new UserErrorException($"--postgres: not a valid connection string: {e.Message}", ExitCodes.Usage);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            throw new UserErrorException($"the PostgreSQL ledger cannot be migrated: {e.Message}");
        }
        parse.InvocationConfiguration.Output.WriteLine($"schema version {version}; {parse.GetValue(_appRole)} may read and append to the ledger and keep sessions");
        return ExitCodes.Success;
    }
}
