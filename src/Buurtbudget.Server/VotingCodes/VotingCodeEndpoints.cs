using System.Text;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Households;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.VotingCodes;

/// <summary>
/// From an address list to letters: the corporation uploads its list, gets it back once with a code per household
/// for the mail merge, and can revoke a code whose letter went astray. Codes are never stored in plain text, so
/// the download cannot be repeated; a lost file means generating new codes.
/// </summary>
internal static class VotingCodeEndpoints
{
    public const int MaxAddressListBytes = 8 * 1024 * 1024;

    public sealed record RevokeRequest(string? Code);

    public static void MapVotingCodeEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}").WithTags("Voting codes");
        group.MapPost("/cycles/{cycleId:id}/voting-codes", Generate).RequireStaff(StaffAction.ManageVotingCodes)
            .Accepts<string>("text/csv").Produces<string>(StatusCodes.Status200OK, "text/csv");
        group.MapPost("/voting-codes/revoke", Revoke).RequireStaff(StaffAction.ManageVotingCodes);
    }

    private static async Task<IResult> Generate(
        string neighbourhoodId, string cycleId, HttpRequest request, IGrainFactory grains, ILogger<RevokeRequest> logger, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } contentType || !contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("Upload the address list as CSV (Content-Type: text/csv), one household per line under a header line.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send a CSV file");
        }
        if (request.ContentLength > MaxAddressListBytes)
        {
            return TooLarge();
        }
        string text;
        try
        {
            text = await ReadTextAsync(request.Body, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: 400, title: "The file could not be read");
        }
        catch (ArgumentOutOfRangeException)
        {
            return TooLarge();
        }
        AddressList list;
        try
        {
            list = AddressList.Read(text);
        }
        catch (AddressListException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: 400, title: "The address list has problems",
                extensions: new Dictionary<string, object?> { ["problems"] = exception.Problems.Select(p => new { line = p.Line, message = p.Message }) });
        }
        var issued = await grains.GetGrain<IVotingCodesGrain>(neighbourhoodId)
            .IssueAsync(new IssueCodes(cycleId, [.. list.Households.Select(h => h.Label)]));
        StaffAudit.Record(logger, request.HttpContext.User, $"issue-{issued.Codes.Length}-codes", neighbourhoodId, cycleId);
        // The only copy of the codes in plain text: not to be kept by any cache on the way.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(list.WithCodes([.. issued.Codes.Select(c => c.Code)]))).ToArray();
        return TypedResults.File(file, "text/csv; charset=utf-8", $"voting-codes-{neighbourhoodId}-{cycleId}.csv");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string neighbourhoodId, RevokeRequest request, System.Security.Claims.ClaimsPrincipal user, IGrainFactory grains, ILogger<RevokeRequest> logger)
    {
        if (!await grains.GetGrain<IVotingCodesGrain>(neighbourhoodId).RevokeAsync(request.Code ?? ""))
        {
            return TypedResults.Problem("No live voting code like this exists in this neighbourhood; check the code on the letter.",
                statusCode: 404, title: "Unknown voting code");
        }
        StaffAudit.Record(logger, user, "revoke-code", neighbourhoodId);
        return TypedResults.NoContent();
    }

    /// <summary>UTF-8 (with or without BOM) as spreadsheets export it; anything else is refused rather than garbled.</summary>
    private static async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(buffer.Length + read, MaxAddressListBytes);
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("The file is not UTF-8 text. Save it from the spreadsheet as 'CSV UTF-8'.");
        }
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem($"An address list may be at most {MaxAddressListBytes / 1024 / 1024} MB; split it.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large");
}
