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
    /// <param name="coAuthors">Voter keys of the households who write it too.</param>
    Task<ProposalView> SubmitAsync(string authorKey, ProposalText text, ImmutableArray<string> coAuthors = default);

    /// <summary>Proposals a draft cycle starts with, brought by the corporation (from an imported <c>.pb</c> file); listed
    /// in the order given. <paramref name="authorKey"/> names the corporation's import, not a resident.</summary>
    Task<ImmutableArray<ProposalView>> ImportAsync(string authorKey, ImmutableArray<ProposalText> texts);

    /// <summary>The ids of the cycle's proposals, in the order they were submitted.</summary>
    Task<ImmutableArray<string>> ListAsync();

    /// <summary>Sets the cycle's rules for proposals; they apply to proposals submitted or revised from now on.</summary>
    Task<ProposalRules> SetRulesAsync(ProposalRules rules);

    Task<ProposalRules> GetRulesAsync();

    /// <summary>Catches this list and every proposal on it up with what other server nodes appended (they announce
    /// changed proposals the way they announce changed cycles).</summary>
    Task CatchUpAsync();
}

/// <param name="MinCostCents">The least a proposal may cost (0: no minimum).</param>
/// <param name="MaxCostCents">The most a proposal may cost (null: up to the budget).</param>
/// <param name="SupportThreshold">Supporting households a proposal needs to go forward to review and the ballot (0: none).</param>
public sealed record ProposalRules(long MinCostCents = 0, long? MaxCostCents = null, int SupportThreshold = 0)
{
    public const int MaxCategories = 20;
    public const int MaxCategoryLength = 40;

    /// <summary>The categories a proposal chooses from; empty: the cycle has none, and proposals name none.</summary>
    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>Why a cost breaks these rules, or null when it is within them.</summary>
    public string? WhyNot(long costCents) =>
        costCents < MinCostCents ? $"A proposal in this cycle costs at least {MinCostCents / 100m:0.00} euros."
        : MaxCostCents is { } max && costCents > max ? $"A proposal in this cycle costs at most {max / 100m:0.00} euros."
        : null;

    /// <summary>Why a proposal's text breaks these rules (its cost or its category), or null when it follows them.</summary>
    public string? WhyNot(ProposalText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var categories = Categories.IsDefault ? [] : Categories;
        return WhyNot(text.CostCents) ?? (categories.IsEmpty
            ? text.Category is null ? null : "This cycle has no categories; leave the category out."
            : text.Category is { } category && categories.Contains(category, StringComparer.Ordinal) ? null
            : $"Choose the proposal's category from this cycle's list: {string.Join(", ", categories)}.");
    }

    /// <summary>Why a list of categories cannot be a cycle's, or null when it can.</summary>
    public static string? WhyNotCategories(ImmutableArray<string> categories) =>
        categories.Length > MaxCategories ? $"A cycle has at most {MaxCategories} categories."
        : categories.Any(c => c.Trim().Length is < 2 or > MaxCategoryLength || c.Any(char.IsControl) || c != c.Trim())
            ? $"Name each category in 2 to {MaxCategoryLength} characters on one line, without spaces around it."
        : categories.Distinct(StringComparer.OrdinalIgnoreCase).Count() != categories.Length ? "Name each category once."
        : null;

    public bool GoesForward(int supporters) => supporters >= SupportThreshold;
}
