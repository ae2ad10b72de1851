namespace Buurtbudget.Domain.Elections;

/// <summary>How voters expressed themselves, in Pabulib's vocabulary.</summary>
public enum VoteType
{
    /// <summary>Each voter marks any number of projects.</summary>
    Approval,

    /// <summary>Each voter marks exactly one project; the rules treat it as an approval ballot.</summary>
    ChooseOne,

    /// <summary>Each voter distributes a number of points over projects.</summary>
    Cumulative,

    /// <summary>Each voter ranks projects; the rules count every ranked project as approved.</summary>
    Ordinal,

    /// <summary>Each voter gives each project a score.</summary>
    Scoring,
}
