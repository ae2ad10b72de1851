using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Server.Live;

namespace Buurtbudget.Server.Cycles;

/// <summary>
/// The one way a cycle changes phase, whether a member of staff asks or the schedule's time arrives: the
/// neighbourhood grain's own commands (so opening voting always freezes the rules into the manifest), then watchers
/// are told. A move the cycle does not allow throws <see cref="BudgetCycleException"/> and changes nothing.
/// </summary>
internal sealed class CycleTransitions(IGrainFactory grains, LiveResultsPublisher live)
{
    /// <summary>What voting opens with; without <paramref name="Projects"/> the ballot is the feasible proposals.</summary>
    public sealed record VotingRules(ImmutableArray<BallotProject>? Projects, BallotDescription Ballot, RuleChoice Rule, RevotePolicy Revote,
        Eligibility? Eligibility, LiveResults Live);

    public Task<CycleView> MoveAsync(string neighbourhoodId, string cycleId, CyclePhase phase, VotingRules? voting) => phase switch
    {
        CyclePhase.Voting => OpenVotingAsync(neighbourhoodId, cycleId, voting
            ?? throw new BudgetCycleException(CycleProblem.InvalidCommand, "Voting opens with its rules: the ballot and the rule are missing.")),
        CyclePhase.Results => CloseVotingAsync(neighbourhoodId, cycleId),
        _ => ChangePhaseAsync(neighbourhoodId, cycleId, phase),
    };

    public async Task<CycleView> ChangePhaseAsync(string neighbourhoodId, string cycleId, CyclePhase phase)
    {
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).ChangePhaseAsync(cycleId, phase);
        live.Changed(neighbourhoodId, cycleId);
        return cycle;
    }

    /// <summary>Freezes the ballot design, rule, revote policy and live-results policy into the manifest whose hash
    /// voters see, and opens the ballot box.</summary>
    public async Task<CycleView> OpenVotingAsync(string neighbourhoodId, string cycleId, VotingRules rules)
    {
        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId);
        // Checked before the ballot is put together, so a cycle in the wrong phase says so rather than "no proposals".
        var current = await neighbourhood.GetCycleAsync(cycleId);
        if (PhaseRules.WhyNot(current.Phase, CyclePhase.Voting) is { } whyNot)
        {
            throw new BudgetCycleException(CycleProblem.WrongPhase, whyNot);
        }
        // Without a project list, the ballot is the cycle's proposals that passed the feasibility review.
        var projects = rules.Projects ?? await Proposals.ProposalEndpoints.FeasibleProjectsAsync(grains, neighbourhoodId, cycleId);
        if (projects.IsDefaultOrEmpty)
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand, rules.Projects is null
                ? "No proposal of this cycle was judged feasible yet; review the proposals, or send the projects for the ballot."
                : "Put at least one project on the ballot.");
        }
        // Without an explicit choice the census follows from who the cycle's residents are (voting codes or an account).
        var eligibility = await Residence.EligibilityEndpoints.ManifestEligibilityAsync(grains, neighbourhoodId, cycleId, rules.Eligibility);
        var cycle = await neighbourhood.OpenVotingAsync(new OpenVoting(cycleId, projects, rules.Ballot, rules.Rule, rules.Revote, eligibility) { Live = rules.Live });
        live.Changed(neighbourhoodId, cycleId);
        return cycle;
    }

    /// <summary>Closes the ballot box; everyone watching gets the final result with its explanations.</summary>
    public async Task<CycleView> CloseVotingAsync(string neighbourhoodId, string cycleId)
    {
        var cycle = await grains.GetGrain<INeighbourhoodGrain>(neighbourhoodId).CloseVotingAsync(cycleId);
        live.Changed(neighbourhoodId, cycleId);
        return cycle;
    }
}
