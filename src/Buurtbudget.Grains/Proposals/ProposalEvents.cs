namespace Buurtbudget.Grains.Proposals;

/// <summary>What happens to one proposal, as appended to its stream <c>proposal/{id}</c>.</summary>
public abstract record ProposalEvent;

public sealed record ProposalSubmitted(string NeighbourhoodId, string CycleId, string AuthorKey, ProposalText Text) : ProposalEvent;

public sealed record ProposalRevised(ProposalText Text) : ProposalEvent;

public sealed record ProposalWithdrawn(string Reason) : ProposalEvent;
