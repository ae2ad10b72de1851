using System.Collections.Immutable;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Proposals;

/// <summary>
/// The proposals of one budget cycle, keyed <c>{neighbourhood}.{cycle}</c> (see <see cref="Neighbourhoods.CycleKey"/>).
/// It hands out proposal ids and accepts new proposals only while the cycle takes them (ideas, deliberation).
/// </summary>
public interface ICycleProposalsGrain : IGrainWithStringKey
{
    /// <summary>Submits a new proposal and lists it. Returns the proposal, with its new id.</summary>
    Task<ProposalView> SubmitAsync(string authorKey, ProposalText text);

    /// <summary>The ids of the cycle's proposals, in the order they were submitted.</summary>
    Task<ImmutableArray<string>> ListAsync();

    /// <summary>Sets the cycle's rules for proposals; they apply to proposals submitted or revised from now on.</summary>
    Task<ProposalRules> SetRulesAsync(ProposalRules rules);

    Task<ProposalRules> GetRulesAsync();
}

/// <param name="MinCostCents">The least a proposal may cost (0: no minimum).</param>
/// <param name="MaxCostCents">The most a proposal may cost (null: up to the budget).</param>
/// <param name="SupportThreshold">Supporting households a proposal needs to go forward to review and the ballot (0: none).</param>
public sealed record ProposalRules(long MinCostCents = 0, long? MaxCostCents = null, int SupportThreshold = 0)
{
    /// <summary>Why a cost breaks these rules, or null when it is within them.</summary>
    public string? WhyNot(long costCents) =>
        costCents < MinCostCents ? $"A proposal in this cycle costs at least {MinCostCents / 100m:0.00} euros."
        : MaxCostCents is { } max && costCents > max ? $"A proposal in this cycle costs at most {max / 100m:0.00} euros."
        : null;

    public bool GoesForward(int supporters) => supporters >= SupportThreshold;
}
