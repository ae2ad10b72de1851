using System.Collections.Immutable;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Proposals;

/// <summary>
/// The proposals of one budget cycle, keyed <c>{neighbourhood}.{cycle}</c> (see <see cref="CycleProposalsGrain.KeyOf"/>).
/// It hands out proposal ids and accepts new proposals only while the cycle takes them (ideas, deliberation).
/// </summary>
public interface ICycleProposalsGrain : IGrainWithStringKey
{
    /// <summary>Submits a new proposal and lists it. Returns the proposal, with its new id.</summary>
    Task<ProposalView> SubmitAsync(string authorKey, ProposalText text);

    /// <summary>The ids of the cycle's proposals, in the order they were submitted.</summary>
    Task<ImmutableArray<string>> ListAsync();
}
