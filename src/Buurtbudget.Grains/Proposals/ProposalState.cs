using System.Collections.Immutable;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Proposals;

/// <summary>A proposal folded from its events; also its snapshot form.</summary>
internal sealed class ProposalState : IJournaledState<ProposalEvent>
{
    public ProposalView? View { get; set; }

    private static ImmutableArray<Comment> Change(ImmutableArray<Comment> comments, int number, Func<Comment, Comment> change) =>
        comments.SetItem(number - 1, change(comments[number - 1]));

    // Proposal ids in addresses are the last part of the grain key.
    private static string ShortId(string id) => id[(id.LastIndexOf('.') + 1)..];

    private static string ReviewReason(ProposalReviewed review) =>
        review.Reason ?? (review.AdjustedCostCents is { } cost
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Feasible, at a reviewed cost of {cost / 100m:0.00} euros.")
            : "Feasible.");

    public void Apply(ProposalEvent change, LedgerEntry entry)
    {
        View = change switch
        {
            ProposalSubmitted s => new ProposalView(entry.StreamId[ProposalGrain.StreamPrefix.Length..], s.NeighbourhoodId, s.CycleId,
                s.AuthorKey, s.Text, ProposalStatus.Open, null, [new ProposalRevision(1, s.Text)]) { CoAuthors = s.CoAuthors.IsDefault ? [] : s.CoAuthors },
            ProposalRevised r => View! with { Text = r.Text, History = View.History.Add(new ProposalRevision(View.History.Length + 1, r.Text)) },
            ProposalWithdrawn w => View! with { Status = ProposalStatus.Withdrawn, WithdrawalReason = w.Reason },
            ProposalSupported s => View! with { Supporters = View.Supporters.Add(s.SupporterKey) },
            SupportWithdrawn s => View! with { Supporters = View.Supporters.Remove(s.SupporterKey) },
            ProposalReviewed r => View! with
            {
                Review = new FeasibilityReview(r.Feasible, r.Reason, r.AdjustedCostCents),
                ModerationLog = r.At is { } at ? View.ModerationLog.Add(new ModerationEntry(0, false, ReviewReason(r), r.By, r.ByName, at)
                    { Action = r.Feasible ? "reviewed-feasible" : "reviewed-not-feasible" }) : View.ModerationLog,
            },
            CommentPosted c => View! with { Comments = View.Comments.Add(new Comment(c.Number, c.AuthorKey, c.ReplyTo, c.Text, c.At, [], false)) },
            CommentFlagged f => View! with { Comments = Change(View.Comments, f.Number, c => c with { Flags = c.Flags.Add(f.FlaggerKey) }) },
            CommentHidden h => View! with
            {
                Comments = Change(View.Comments, h.Number, c => c with { Hidden = true }),
                ModerationLog = View.ModerationLog.Add(new ModerationEntry(h.Number, true, h.Reason, h.By, h.ByName, h.At)),
            },
            CommentRestored r => View! with
            {
                // Restored comments start counting flags again: the moderator judged the earlier ones.
                Comments = Change(View.Comments, r.Number, c => c with { Hidden = false, Flags = [] }),
                ModerationLog = View.ModerationLog.Add(new ModerationEntry(r.Number, false, r.Reason, r.By, r.ByName, r.At)),
            },
            ImplementationUpdated u => View! with { Implementation = View.Implementation.Add(new ImplementationUpdate(u.Status, u.Note, u.At)) },
            ProposalAbsorbed a => View! with
            {
                CoAuthors = a.SourceAuthorKey == View.AuthorKey || View.CoAuthors.Contains(a.SourceAuthorKey) ? View.CoAuthors : View.CoAuthors.Add(a.SourceAuthorKey),
                Supporters = [.. View.Supporters.Union(a.Supporters, StringComparer.Ordinal)],
                Pledges = View.Pledges.AddRange(a.Pledges.Select((p, i) => p with { Number = View.Pledges.Length + i + 1 })),
                MergedFrom = View.MergedFrom.Add(a.SourceId),
                ModerationLog = a.At is { } at ? View.ModerationLog.Add(new ModerationEntry(0, false, $"Duplicate {ShortId(a.SourceId)} merged into this proposal.", a.By, a.ByName, at)
                    { Action = "merged-in" }) : View.ModerationLog,
            },
            ProposalMergedInto m => View! with
            {
                Status = ProposalStatus.Merged,
                MergedInto = m.TargetId,
                ModerationLog = m.At is { } at ? View.ModerationLog.Add(new ModerationEntry(0, false, $"Merged into {ShortId(m.TargetId)} as a duplicate.", m.By, m.ByName, at)
                    { Action = "merged-into" }) : View.ModerationLog,
            },
            AmendmentSuggested a => View! with { Amendments = View.Amendments.Add(new Amendment(a.Number, a.SuggesterKey, a.Text, AmendmentStatus.Pending, a.At)) },
            AmendmentAnswered a => View! with
            {
                Amendments = View.Amendments.SetItem(a.Number - 1, View.Amendments[a.Number - 1] with { Status = a.Accepted ? AmendmentStatus.Accepted : AmendmentStatus.Rejected }),
            },
            ImageAdded i => View! with { Images = View.Images.Add(new ProposalImage(i.Hash, i.ContentType, i.Size) { Alt = i.Alt }) },
            ImageRemoved i => View! with { Images = View.Images.RemoveAll(image => image.Hash == i.Hash) },
            ImageDescribed i => View! with { Images = [.. View.Images.Select(image => image.Hash == i.Hash ? image with { Alt = i.Alt } : image)] },
            HelpPledged h => View! with { Pledges = View.Pledges.Add(new Pledge(View.Pledges.Length + 1, h.PledgerKey, h.Text)) },
            _ => throw new InvalidOperationException($"Unknown proposal event {change.GetType().Name}."),
        };
    }
}
