using System.Diagnostics.CodeAnalysis;

// The server's session schema is compiled in from src/Buurtbudget.Server, whose code awaits without ConfigureAwait (it
// runs on ASP.NET Core, which has no synchronization context); the command line has none either.
[assembly: SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task",
    Scope = "type", Target = "~T:Buurtbudget.Server.Sessions.PostgresSessionSchema")]
