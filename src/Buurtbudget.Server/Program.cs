using Buurtbudget.Server.Access;
using Buurtbudget.Server.Ballots;
using Buurtbudget.Server.Corporations;
using Buurtbudget.Server.Cycles;
using Buurtbudget.Server.Demo;
using Buurtbudget.Server.Errors;
using Buurtbudget.Server.Hosting;
using Buurtbudget.Server.Live;
using Buurtbudget.Server.Proposals;
using Buurtbudget.Server.Receipts;
using Buurtbudget.Server.SignIn;
using Buurtbudget.Server.SignIn.IdentityProviders;
using Buurtbudget.Server.VotingCodes;

var builder = WebApplication.CreateBuilder(args);
builder.AddBuurtbudgetOptions();
builder.AddLedger();
builder.AddGrains();
builder.AddSignIn();
builder.AddAccess();
builder.AddIdentityProviders();
builder.AddProblemResponses();
builder.AddCycles();
builder.AddLiveResults();
builder.AddJson();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseProblemResponses();
app.UseSignIn();
app.MapOpenApi().AllowAnonymous();
app.MapHealth();
app.MapSignInEndpoints();
app.MapMeEndpoints();
app.MapIdentityProviderSignIn();
app.MapCorporationEndpoints();
app.MapCycleEndpoints();
app.MapCycleAdministrationEndpoints();
app.MapProposalEndpoints();
app.MapVotingCodeEndpoints();
app.MapBallotEndpoints();
app.MapReceiptEndpoints();
app.MapLiveResults();
await app.SeedDemoAsync();
await app.RunAsync();

/// <summary>The entry point, visible to integration tests (<c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;
