using System.Security.Claims;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Domain.Proposals;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Hosting;
using Buurtbudget.Server.Live;
using Buurtbudget.Server.Proposals.Images;
using Buurtbudget.Server.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.Proposals;

/// <summary>
/// Up to three images per proposal, added by its authors while the cycle takes proposals. The upload is the image
/// file itself as the request body; whatever content type it declares, only PNG, JPEG and WebP bytes are accepted,
/// and a refused upload stores nothing. What a camera wrote besides the picture (GPS position, time, make) is removed
/// before the image is stored (<see cref="ImageMetadata"/>). Images are served with the type their bytes say, sandboxed, and cached for
/// good: the address holds the hash of the bytes, so what it serves never changes. The author describes what the image
/// shows in <c>?alt=</c> (the body is the file itself), for people who cannot see it, and can describe it again later
/// with <c>PUT</c>: a description is a correction for readers, not a change to the proposal, so it is accepted in every
/// phase while the proposal is open.
/// </summary>
internal static class ImageEndpoints
{
    public sealed record ImageView(string Hash, string ContentType, long Size, string Url)
    {
        /// <summary>What the image shows, in the author's words; null for images added without a description.</summary>
        public string? Alt { get; init; }
    }

    /// <summary>A new description of an image; null or blank removes it.</summary>
    public sealed record ImageDescription(string? Alt);

    public static void AddProposalImages(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IImageStore>(services => services.Buurtbudget().Postgres is null
            ? new FileImageStore(Path.Combine(services.DataDirectory(), "images"))
            : new PostgresImageStore(services.GetRequiredService<Npgsql.NpgsqlDataSource>()));

    public static void MapImageEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/neighbourhoods/{neighbourhoodId:id}/cycles/{cycleId:id}/proposals/{proposalId:id}/images").WithTags("Proposals");
        group.MapPost("/", Upload).RequireAuthorization(Residents.ResidentPolicy);
        group.MapGet("/{hash}", Serve).AllowAnonymous();
        group.MapPut("/{hash}", Describe).RequireAuthorization(Residents.ResidentPolicy);
        group.MapDelete("/{hash}", Remove).RequireAuthorization(Residents.ResidentPolicy);
    }

    public static string UrlOf(string neighbourhoodId, string cycleId, string proposalId, string hash) =>
        $"/api/neighbourhoods/{neighbourhoodId}/cycles/{cycleId}/proposals/{proposalId}/images/{hash}";

    private static async Task<Results<Created<ImageView>, ProblemHttpResult>> Upload(
        string neighbourhoodId, string cycleId, string proposalId, string? alt, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, IImageStore store,
        LiveResultsPublisher live, CancellationToken cancellationToken)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } resident)
        {
            return ProposalEndpoints.NotYourCycle();
        }
        string? description = string.IsNullOrWhiteSpace(alt) ? null : alt.Trim();
        if (description is not null && (description.Length > ProposalGrain.MaxAltLength || description.Any(char.IsControl)))
        {
            return TypedResults.Problem($"Describe the image on one line in at most {ProposalGrain.MaxAltLength} characters (alt).", statusCode: 400,
                title: "This image cannot be added");
        }
        var sent = await RequestBodies.ReadAtMostAsync(request, ImageFormat.MaxBytes, cancellationToken);
        if (ImageFormat.WhyNot(sent) is { } notAnImage)
        {
            return TypedResults.Problem(notAnImage, statusCode: sent.Length > ImageFormat.MaxBytes ? 413 : sent.Length == 0 ? 400 : 415,
                title: "This image cannot be added");
        }
        // Everything the proposal grain would refuse is checked before the bytes are stored, so a refused upload
        // leaves nothing behind; the grain checks again when the image is attached.
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).GetCycleAsync(cycleId);
        if (!PhaseRules.AcceptsProposals(cycle.Phase))
        {
            return TypedResults.Problem($"Images are added until the review starts; the cycle is in the {PhaseRules.Name(cycle.Phase)} phase.",
                statusCode: 409, title: "Not in this phase");
        }
        var proposal = ProposalEndpoints.Proposal(grains, neighbourhoodId, cycleId, proposalId);
        if (await proposal.GetAsync() is not { } view)
        {
            return ProposalEndpoints.NoSuchProposal();
        }
        if (view.AuthorKey != resident && !view.CoAuthors.Contains(resident))
        {
            return TypedResults.Problem("Only the authors can add images to this proposal.", statusCode: 403, title: "Not your proposal");
        }
        // Images are public: where and when a photo was taken, and with what, never reach the store.
        var bytes = ImageMetadata.Strip(sent);
        string contentType = ImageFormat.ContentTypeOf(bytes)!;
        if (view.Images.Length >= ProposalGrain.MaxImages && !view.Images.Any(i => i.Hash == ImageHash.Of(bytes)))
        {
            return TypedResults.Problem($"A proposal has at most {ProposalGrain.MaxImages} images; remove one first.", statusCode: 400, title: "This image cannot be added");
        }
        string hash = await store.StoreAsync(bytes, cancellationToken);
        var added = await proposal.AddImageAsync(resident, new ProposalImage(hash, contentType, bytes.Length) { Alt = description });
        live.ProposalsChanged(neighbourhoodId, cycleId);
        string url = UrlOf(neighbourhoodId, cycleId, proposalId, hash);
        // Adding an image the proposal has already keeps its first description: the answer says which one counts.
        return TypedResults.Created(url, new ImageView(hash, contentType, bytes.Length, url) { Alt = added.Images.First(i => i.Hash == hash).Alt });
    }

    private static async Task<Results<Ok<ImageView>, ProblemHttpResult>> Describe(
        string neighbourhoodId, string cycleId, string proposalId, string hash, ImageDescription description, ClaimsPrincipal user, IGrainFactory grains,
        LiveResultsPublisher live)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } resident)
        {
            return ProposalEndpoints.NotYourCycle();
        }
        // An unknown proposal or image is the grain's refusal (404), as for removing one.
        var described = await ProposalEndpoints.Proposal(grains, neighbourhoodId, cycleId, proposalId).DescribeImageAsync(resident, hash, description.Alt);
        live.ProposalsChanged(neighbourhoodId, cycleId);
        var image = described.Images.First(i => i.Hash == hash);
        return TypedResults.Ok(new ImageView(image.Hash, image.ContentType, image.Size, UrlOf(neighbourhoodId, cycleId, proposalId, hash)) { Alt = image.Alt });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        string neighbourhoodId, string cycleId, string proposalId, string hash, ClaimsPrincipal user, IGrainFactory grains, LiveResultsPublisher live)
    {
        if (user.VoterIn(neighbourhoodId, cycleId) is not { } resident)
        {
            return ProposalEndpoints.NotYourCycle();
        }
        await ProposalEndpoints.Proposal(grains, neighbourhoodId, cycleId, proposalId).RemoveImageAsync(resident, hash);
        live.ProposalsChanged(neighbourhoodId, cycleId);
        return TypedResults.NoContent();
    }

    /// <summary>Only images a proposal carries now are served, under that proposal's address.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Serve(
        string neighbourhoodId, string cycleId, string proposalId, string hash, HttpResponse response, IGrainFactory grains, IImageStore store,
        CancellationToken cancellationToken)
    {
        var view = await ProposalEndpoints.Proposal(grains, neighbourhoodId, cycleId, proposalId).GetAsync();
        if (!ImageHash.IsValid(hash) || view is null || !view.Images.Any(i => i.Hash == hash)
            || await store.ReadAsync(hash, cancellationToken) is not { } bytes || ImageFormat.ContentTypeOf(bytes) is not { } contentType)
        {
            return TypedResults.Problem("This proposal has no image with this hash.", statusCode: 404, title: "No such image");
        }
        // The type comes from the bytes again, not from the event; the sandbox keeps even a mislabelled file inert.
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.File(bytes, contentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{hash}\""));
    }
}
