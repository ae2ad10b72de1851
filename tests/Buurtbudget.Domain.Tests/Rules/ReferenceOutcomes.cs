using System.Collections.Concurrent;
using System.Text.Json;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Rules;

/// <summary>The reference outcomes of pabutools 1.2.3 in <c>expected.json</c>, and the elections they belong to.</summary>
public static class ReferenceOutcomes
{
    private static readonly Lazy<IReadOnlyList<(string File, string RuleKey, string[] Selected)>> s_cases = new(Load);
    private static readonly ConcurrentDictionary<string, Lazy<Election>> s_elections = new(StringComparer.Ordinal);

    public static IReadOnlyList<(string File, string RuleKey, string[] Selected)> Cases => s_cases.Value;

    public static Election ElectionOf(string file) =>
        s_elections.GetOrAdd(file, f => new Lazy<Election>(() => PabulibReader.Read(PabulibData.PathOf(f)).ToElection())).Value;

    /// <summary>The Buurtbudget rule that corresponds to a pabutools rule key, with pabutools' tie-break.</summary>
    public static OutcomeRule RuleFor(string key)
    {
        var rule = key switch
        {
            "greedy_cost" => OutcomeRule.Greedy,
            "greedy_cardinality" => OutcomeRule.GreedyPerCost,
            "mes_cost" => OutcomeRule.EqualShares(Utility.Cost),
            "mes_cardinality" => OutcomeRule.EqualShares(Utility.Approval),
            "mes_cost_add1" => OutcomeRule.EqualShares(Utility.Cost, Completion.Add1),
            "mes_cardinality_add1" => OutcomeRule.EqualShares(Utility.Approval, Completion.Add1),
            "mes_cost_add1_greedy" => OutcomeRule.EqualShares(Utility.Cost, Completion.Add1ThenGreedy),
            "mes_cardinality_add1_greedy" => OutcomeRule.EqualShares(Utility.Approval, Completion.Add1ThenGreedy),
            "phragmen" => OutcomeRule.Phragmen,
            _ => throw new InvalidOperationException($"expected.json names an unknown rule '{key}'."),
        };
        return rule with { TieBreak = TieBreak.Pabutools };
    }

    private static List<(string, string, string[])> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(PabulibData.PathOf("expected.json")));
        var cases = new List<(string, string, string[])>();
        foreach (var election in json.RootElement.EnumerateArray())
        {
            var file = election.GetProperty("file").GetString()!;
            foreach (var rule in election.GetProperty("rules").EnumerateObject())
            {
                if (rule.Value.ValueKind != JsonValueKind.Null)
                {
                    cases.Add((file, rule.Name, [.. rule.Value.EnumerateArray().Select(id => id.GetString()!)]));
                }
            }
        }

        return cases;
    }
}
