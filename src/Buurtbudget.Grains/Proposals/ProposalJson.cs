using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Proposals;

[JsonSourceGenerationOptions(UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProposalSubmitted))]
[JsonSerializable(typeof(ProposalRevised))]
[JsonSerializable(typeof(ProposalWithdrawn))]
[JsonSerializable(typeof(ProposalSupported))]
[JsonSerializable(typeof(SupportWithdrawn))]
[JsonSerializable(typeof(HelpPledged))]
[JsonSerializable(typeof(ProposalReviewed))]
[JsonSerializable(typeof(CommentPosted))]
[JsonSerializable(typeof(CommentFlagged))]
[JsonSerializable(typeof(CommentHidden))]
[JsonSerializable(typeof(CommentRestored))]
[JsonSerializable(typeof(ImplementationUpdated))]
[JsonSerializable(typeof(ProposalAbsorbed))]
[JsonSerializable(typeof(ProposalMergedInto))]
[JsonSerializable(typeof(AmendmentSuggested))]
[JsonSerializable(typeof(AmendmentAnswered))]
[JsonSerializable(typeof(ImageAdded))]
[JsonSerializable(typeof(ImageRemoved))]
[JsonSerializable(typeof(ImageDescribed))]
[JsonSerializable(typeof(ProposalView))]
internal sealed partial class ProposalJsonContext : JsonSerializerContext;

/// <summary>Proposal events as ledger entries: kind = event name, payload = JSON in declaration order.</summary>
internal sealed class ProposalJson : IJournalCodec<ProposalState, ProposalEvent>
{
    public static ProposalJson Instance { get; } = new();

    private static readonly JsonEventKinds<ProposalEvent> Kinds = new JsonEventKinds<ProposalEvent>()
        .Add(ProposalJsonContext.Default.ProposalSubmitted)
        .Add(ProposalJsonContext.Default.ProposalRevised)
        .Add(ProposalJsonContext.Default.ProposalWithdrawn)
        .Add(ProposalJsonContext.Default.ProposalSupported)
        .Add(ProposalJsonContext.Default.SupportWithdrawn)
        .Add(ProposalJsonContext.Default.HelpPledged)
        .Add(ProposalJsonContext.Default.ProposalReviewed)
        .Add(ProposalJsonContext.Default.CommentPosted)
        .Add(ProposalJsonContext.Default.CommentFlagged)
        .Add(ProposalJsonContext.Default.CommentHidden)
        .Add(ProposalJsonContext.Default.CommentRestored)
        .Add(ProposalJsonContext.Default.ImplementationUpdated)
        .Add(ProposalJsonContext.Default.ProposalAbsorbed)
        .Add(ProposalJsonContext.Default.ProposalMergedInto)
        .Add(ProposalJsonContext.Default.AmendmentSuggested)
        .Add(ProposalJsonContext.Default.AmendmentAnswered)
        .Add(ProposalJsonContext.Default.ImageAdded)
        .Add(ProposalJsonContext.Default.ImageRemoved)
        .Add(ProposalJsonContext.Default.ImageDescribed);

    public NewEntry Encode(ProposalEvent change) => Kinds.Encode(change);

    public ProposalEvent Decode(LedgerEntry entry) => Kinds.Decode(entry);

    public Func<byte[]> CaptureState(ProposalState state)
    {
        var view = state.View;
        return () => view is null ? [] : JsonSerializer.SerializeToUtf8Bytes(view, ProposalJsonContext.Default.ProposalView);
    }

    public ProposalState DecodeState(ReadOnlySpan<byte> bytes)
    {
        var view = bytes.IsEmpty ? null : JsonSerializer.Deserialize(bytes, ProposalJsonContext.Default.ProposalView);
        // Snapshots written before support and pledges existed have neither.
        return new()
        {
            View = view is null ? null : view with
            {
                Supporters = view.Supporters.IsDefault ? [] : view.Supporters,
                Pledges = view.Pledges.IsDefault ? [] : view.Pledges,
                Comments = view.Comments.IsDefault ? [] : view.Comments,
                ModerationLog = view.ModerationLog.IsDefault ? [] : view.ModerationLog,
                Implementation = view.Implementation.IsDefault ? [] : view.Implementation,
                CoAuthors = view.CoAuthors.IsDefault ? [] : view.CoAuthors,
                Amendments = view.Amendments.IsDefault ? [] : view.Amendments,
                MergedFrom = view.MergedFrom.IsDefault ? [] : view.MergedFrom,
                Images = view.Images.IsDefault ? [] : view.Images,
            },
        };
    }
}
