using Buurtbudget.Server.Ballots;
using Buurtbudget.Server.Benchmark;
using Buurtbudget.Server.Cycles;
using Buurtbudget.Server.Demo;
using Buurtbudget.Server.Errors;
using Buurtbudget.Server.Hosting;
using Buurtbudget.Server.Live;
using Buurtbudget.Server.Receipts;
using Buurtbudget.Server.SignIn;

var builder = WebApplication.CreateBuilder(args);
builder.AddBuurtbudgetOptions();
builder.AddLedger();
builder.AddGrains();
builder.AddSignIn();
builder.AddProblemResponses();
builder.AddLiveResults();
builder.AddJson();
builder.AddBenchmark();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseProblemResponses();
app.UseSignIn();
app.MapOpenApi();
app.MapHealth();
app.MapSignInEndpoints();
app.MapCycleEndpoints();
app.MapBallotEndpoints();
app.MapReceiptEndpoints();
app.MapLiveResults();
app.MapBenchmarkEndpoints();
await app.SeedDemoAsync();
await app.RunAsync();

/// <summary>The entry point, visible to integration tests (<c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;
