namespace Buurtbudget.Testing;

/// <summary>
/// A database in a <see cref="PostgresCluster"/> with the three roles a deployment has: the superuser (for
/// tests that play an attacker with full access), the schema owner (runs migrations) and the least-privilege
/// role the application connects as.
/// </summary>
public sealed record PostgresDatabase(
    string Name,
    string SuperuserConnectionString,
    string OwnerRoleName,
    string OwnerConnectionString,
    string AppRoleName,
    string AppConnectionString);
