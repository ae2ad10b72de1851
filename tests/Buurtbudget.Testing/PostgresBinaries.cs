namespace Buurtbudget.Testing;

/// <summary>Where PostgreSQL's server programs are: <c>BUURTBUDGET_PG_BIN</c>, else Debian's PostgreSQL 15.</summary>
public static class PostgresBinaries
{
    public const string Variable = "BUURTBUDGET_PG_BIN";
    public const string Debian15 = "/usr/lib/postgresql/15/bin";

    public static string Directory
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : Debian15;
            if (!File.Exists(System.IO.Path.Combine(folder, "initdb")))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL's initdb is not in {folder}. tests/run-all.sh installs the Debian packages "
                    + $"(postgresql, postgresql-contrib); or point {Variable} at another bin folder.");
            }

            return folder;
        }
    }

    public static string Program(string name) => System.IO.Path.Combine(Directory, name);
}
