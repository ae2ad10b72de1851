namespace Buurtbudget.Domain.Rules;

/// <summary>How much a supporter is assumed to gain from a funded project, for Equal Shares.</summary>
public enum Utility
{
    /// <summary>A supporter values a project by what it costs (points × cost for cumulative ballots):
    /// big projects are worth more to their supporters. Pabulib calls this "cost".</summary>
    Cost,

    /// <summary>Every supported project is worth the same to a supporter (the points for cumulative
    /// ballots): favours funding more, smaller projects. Pabulib calls this "cardinality".</summary>
    Approval,
}
