using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Receipts;

internal static class ReceiptEndpoints
{
    /// <summary>What a receipt check tells anyone holding the receipt.</summary>
    public sealed record ReceiptCheck(string Receipt, bool Found, bool? Counted, string Explanation);

    public static void MapReceiptEndpoints(this WebApplication app)
    {
        app.MapGet("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/receipts/{position:long}", Check).WithTags("Receipts").AllowAnonymous();
    }

    /// <summary>
    /// Checks a receipt against the published list of a closed vote: is there a ballot at this position with this
    /// hash, and did it count (or was it replaced by the same voter's later ballot)?
    /// </summary>
    private static async Task<Results<Ok<ReceiptCheck>, ProblemHttpResult>> Check(
        string neighbourhoodId, string cycleId, long position, string? hash, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(hash) || hash.Length != 64)
        {
            return TypedResults.Problem("Give the receipt's 64-character hash as ?hash=…", statusCode: 400, title: "Hash missing");
        }
        var published = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetPublishedBallotsAsync(cycleId);
        var entry = published.Receipts.FirstOrDefault(r => r.Position == position);
        var receipt = new BallotReceipt(published.StreamId, position, hash.ToLowerInvariant()).ToString();
        if (entry is null || !string.Equals(entry.EntryHash, hash, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(new ReceiptCheck(receipt, false, null,
                "No ballot with this position and hash is on the published list. Check the receipt for typing errors; if it is right, report it."));
        }
        return TypedResults.Ok(new ReceiptCheck(receipt, true, entry.Counted, entry.Counted
            ? "Your ballot is on the published list and was counted."
            : "Your ballot is on the published list; you voted again later, and your later ballot was counted instead."));
    }
}
