using System.Collections.Immutable;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Proposals;

/// <summary>A proposal folded from its events; also its snapshot form.</summary>
internal sealed class ProposalState : IJournaledState<ProposalEvent>
{
    public ProposalView? View { get; set; }

    public void Apply(ProposalEvent change, LedgerEntry entry)
    {
        View = change switch
        {
            ProposalSubmitted s => new ProposalView(entry.StreamId[ProposalGrain.StreamPrefix.Length..], s.NeighbourhoodId, s.CycleId,
                s.AuthorKey, s.Text, ProposalStatus.Open, null, [new ProposalRevision(1, s.Text)]),
            ProposalRevised r => View! with { Text = r.Text, History = View.History.Add(new ProposalRevision(View.History.Length + 1, r.Text)) },
            ProposalWithdrawn w => View! with { Status = ProposalStatus.Withdrawn, WithdrawalReason = w.Reason },
            ProposalSupported s => View! with { Supporters = View.Supporters.Add(s.SupporterKey) },
            SupportWithdrawn s => View! with { Supporters = View.Supporters.Remove(s.SupporterKey) },
            ProposalReviewed r => View! with { Review = new FeasibilityReview(r.Feasible, r.Reason, r.AdjustedCostCents) },
            HelpPledged h => View! with { Pledges = View.Pledges.Add(new Pledge(View.Pledges.Length + 1, h.PledgerKey, h.Text)) },
            _ => throw new InvalidOperationException($"Unknown proposal event {change.GetType().Name}."),
        };
    }
}
