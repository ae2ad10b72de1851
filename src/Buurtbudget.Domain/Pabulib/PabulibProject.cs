using System.Collections.Immutable;
using System.Text;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>One row of the PROJECTS section.</summary>
/// <param name="Id">The project id (a string: <c>"10"</c> and <c>"010"</c> are different projects).</param>
/// <param name="Cost">The cost, with the scale it was written with (<c>4000.0</c> stays <c>4000.0</c>).</param>
/// <param name="Fields">Every other column, in the order of <see cref="PabulibFile.ProjectFieldNames"/>;
/// null where the file says <c>none</c>.</param>
public sealed record PabulibProject(string Id, decimal Cost, ImmutableArray<string?> Fields)
{
    public bool Equals(PabulibProject? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Cost == other.Cost
        && SequenceEquality.Equal(Fields, other.Fields);

    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), Cost);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Cost = ").Append(PabulibNumbers.Format(Cost))
            .Append(", Fields = ").Append(PabulibText.List(Fields));
        return true;
    }
}
