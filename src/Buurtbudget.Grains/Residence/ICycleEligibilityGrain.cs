using System.Collections.Immutable;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Residence;

/// <summary>
/// Who the residents of one budget cycle are, keyed <c>{neighbourhood}.{cycle}</c> (see
/// <see cref="Neighbourhoods.CycleKey"/>): households with a voting code, or people whose corporation's identity
/// provider says they live in the neighbourhood. Set by the corporation before voting opens; frozen from then on.
/// </summary>
public interface ICycleEligibilityGrain : IGrainWithStringKey
{
    Task<CycleEligibility> GetAsync();

    /// <summary>Refused once voting opened, and refused for the provider while the cycle has live voting codes.</summary>
    Task<CycleEligibility> SetAsync(CycleEligibility eligibility);
}

public enum ResidentSource
{
    /// <summary>Households sign in with the voting code from their letter (the default).</summary>
    VotingCodes,

    /// <summary>People sign in with the corporation's identity provider, whose claim says where they live.</summary>
    IdentityProvider,
}

/// <summary>
/// Where a cycle's residents come from: one source per cycle, so that a household can never hold a voting code and
/// a provider account in the same cycle and vote with both (see docs/guide.md).
/// </summary>
public sealed record CycleEligibility(ResidentSource Residents = ResidentSource.VotingCodes, ProviderClaimRule? Provider = null)
{
    public const int MaxValues = 50;
    public const int MaxLength = 200;

    /// <summary>Why these rules cannot be used, or null when they can.</summary>
    public string? WhyNot() => (Residents, Provider) switch
    {
        (ResidentSource.VotingCodes, null) => null,
        (ResidentSource.VotingCodes, _) => "A cycle whose residents use voting codes names no identity provider; leave out 'provider'.",
        (ResidentSource.IdentityProvider, null) => "Name the identity provider and the claim that makes someone a resident ('provider').",
        (ResidentSource.IdentityProvider, { } rule) => rule.WhyNot(),
        _ => "Residents come from VotingCodes or from an IdentityProvider.",
    };
}

/// <summary>
/// A person signed in through <paramref name="Name"/> (a configured provider) is a resident when the ID token's
/// claim <paramref name="Claim"/> (a string, or a list of strings) holds at least one of <paramref name="Values"/>:
/// for example claim <c>neighbourhoods</c> listing neighbourhood ids with value <c>oost</c>, or claim
/// <c>complex</c> with the fixed value <c>wg-oost-12</c>.
/// </summary>
public sealed record ProviderClaimRule(string Name, string Claim, ImmutableArray<string> Values)
{
    public string? WhyNot() =>
        string.IsNullOrWhiteSpace(Name) || Name.Length > 40 ? "Name the configured identity provider ('name')."
        : string.IsNullOrWhiteSpace(Claim) || Claim.Length > CycleEligibility.MaxLength ? "Name the claim that says where someone lives ('claim')."
        : Values.IsDefaultOrEmpty || Values.Length > CycleEligibility.MaxValues
            || Values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > CycleEligibility.MaxLength)
            ? $"List 1 to {CycleEligibility.MaxValues} claim values ('values') that make someone a resident, each at most {CycleEligibility.MaxLength} characters."
        : null;

    /// <summary>Whether the values a person's ID token carried for <see cref="Claim"/> make them a resident.</summary>
    public bool Admits(IEnumerable<string> claimValues) => claimValues.Any(v => Values.Contains(v, StringComparer.Ordinal));
}
