namespace Buurtbudget.Cli.Tests;

/// <summary>
/// A small election whose outcomes are worked out by hand below. Budget 100, ten voters, so every voter's
/// equal share is 10. Ids are chosen so that ordinal order ("12" &lt; "2" &lt; "5" &lt; "7") differs from both
/// pick order and numeric order.
/// <code>
/// project  cost  supporters
/// 7         60   v1–v6   (6 votes)
/// 2         40   v1–v5   (5 votes)
/// 12        30   v7–v10  (4 votes)
/// 5         10   v7      (1 vote)
/// </code>
/// Greedy (votes): 7 (left 40), 2 (left 0); 12 and 5 do not fit → picks 7, 2.
/// Greedy per cost: 12 (0.133/unit, left 70), 2 (0.125, left 30); 7 and 5 tie at 0.1, 7 has more supporters
/// but does not fit, 5 does (left 20) → picks 12, 2, 5.
/// Equal Shares (cost): 7 costs its six supporters 10 each (1/6 per unit of utility), the cheapest; then
/// 2's supporters have nothing left, 12 costs v7–v10 7.5 each (1/4), and v7's 2.5 cannot pay for 5 → 7, 12.
/// Add1: 10 is left and 5 would fit, so shares grow. At 17 (step 7) nothing changes yet (v7 keeps 9.5 &lt; 10,
/// v1–v5 keep 7 × 5 = 35 &lt; 40); at 18 the rule buys 7, 2, 12 and 5 for 140 &gt; 100, so add1 keeps step 7.
/// Add1 then greedy fills the 10 left with 5 → 7, 12, 5.
/// Phragmén: 12 at load 7.5, 2 at 8, then 7 at 100/6 would make 130 &gt; 100, so it stops → 12, 2.
/// </summary>
internal static class HandMadeElection
{
    public const string Text = """
        META
        key;value
        description;Hand-made test election
        num_projects;4
        num_votes;10
        budget;100
        vote_type;approval
        currency;EUR
        max_length;2
        PROJECTS
        project_id;cost
        7;60
        2;40
        12;30
        5;10
        VOTES
        voter_id;vote
        v1;7,2
        v2;7,2
        v3;7,2
        v4;7,2
        v5;7,2
        v6;7
        v7;12,5
        v8;12
        v9;12
        v10;12
        """;
}
