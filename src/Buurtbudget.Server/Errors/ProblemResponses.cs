using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Ledger;
using Microsoft.AspNetCore.Diagnostics;

namespace Buurtbudget.Server.Errors;

/// <summary>
/// Every error leaves as RFC 7807 problem details with a sentence a person can act on. Rule violations are 4xx
/// and changed nothing; storage trouble is 503 with Retry-After, because the same request (same idempotency key)
/// can safely be sent again.
/// </summary>
internal sealed partial class ProblemResponses(IProblemDetailsService problems, ILogger<ProblemResponses> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, extensions) = exception switch
        {
            BudgetCycleException cycle => (StatusOf(cycle.Problem), TitleOf(cycle.Problem), cycle.Message,
                cycle.BallotProblems.IsEmpty ? null : new Dictionary<string, object?>
                {
                    ["problems"] = cycle.BallotProblems.Select(p => new { code = p.Code.ToString(), projects = p.ProjectIds, message = p.Message }),
                }),
            ProposalException proposal => (proposal.Problem switch
            {
                ProposalProblem.UnknownProposal => 404,
                ProposalProblem.NotTheAuthor => 403,
                ProposalProblem.InvalidText => 400,
                _ => 409,
            }, proposal.Problem == ProposalProblem.WrongPhase ? "Not in this phase" : "The proposal cannot change like that", proposal.Message, null),
            RegisterException register => (register.Problem switch
            {
                RegisterProblem.UnknownCorporation or RegisterProblem.UnknownNeighbourhood => 404,
                RegisterProblem.InvalidCommand => 400,
                _ => 409,
            }, register.Problem == RegisterProblem.LastAdministrator ? "A corporation needs an administrator" : "The register cannot change like that",
                register.Message, null),
            LedgerConflictException or LedgerUnavailableException => (503, "Please try again",
                "The vote could not be stored just now; nothing was lost. Send the same request again (with the same Idempotency-Key).", null),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read",
                bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message, null),
            // Storage outside the ledger (sessions, images): a refused or timed-out connection is worth a retry.
            System.Data.Common.DbException { IsTransient: true } => (503, "Please try again",
                "The database cannot take this request just now. Please try again in a moment.", null),
            LedgerIntegrityException => (500, "The ledger failed its integrity check", "An operator must run 'buurtbudget verify'.", null),
            _ => (500, "Something went wrong on our side", "The error was logged; please try again later.", null),
        };
        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }
        if (status == 503)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = detail,
                Extensions = extensions ?? new Dictionary<string, object?>(),
            },
        });
    }

    private static int StatusOf(CycleProblem problem) => problem switch
    {
        CycleProblem.UnknownCycle => 404,
        CycleProblem.NotEligible => 403,
        CycleProblem.InvalidCommand => 400,
        CycleProblem.InvalidBallot or CycleProblem.IdempotencyKeyReused => 422,
        _ => 409,
    };

    private static string TitleOf(CycleProblem problem) => problem switch
    {
        CycleProblem.UnknownCycle => "No such budget cycle",
        CycleProblem.NotEligible => "You are not on the list of voters",
        CycleProblem.InvalidBallot => "The ballot does not follow the rules of this vote",
        CycleProblem.WrongPhase => "This is not possible in the cycle's current phase",
        CycleProblem.AlreadyVoted => "You already voted",
        CycleProblem.IdempotencyKeyReused => "This Idempotency-Key was used for another ballot",
        _ => "The request is not valid",
    };

    [LoggerMessage(LogLevel.Error, "Unhandled error for {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}

internal static class ProblemResponseExtensions
{
    public static void AddProblemResponses(this WebApplicationBuilder builder)
    {
        // Errors that never reach an endpoint (no route matched, wrong method) still get a sentence to act on.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                404 => $"Nothing is here. Check the address: neighbourhood and cycle ids are {Grains.Neighbourhoods.BudgetIds.Rule}.",
                405 => $"This address does not accept {context.HttpContext.Request.Method} requests.",
                415 => "Send the request body as JSON (Content-Type: application/json).",
                _ => null,
            };
            ProblemCodes.Add(context.ProblemDetails);
        });
        // Unreadable bodies and parameters reach ProblemResponses as exceptions, so they get a detail that says
        // what was wrong (including the JSON line and position) instead of an empty 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ProblemResponses>();
    }

    public static void UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }
}
